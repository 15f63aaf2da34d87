package io.nubis.runtime.internal.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.nubis.api.capability.Namespaces;
import io.nubis.runtime.internal.plugin.DistroWiring;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.plugin.PluginInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nubis plugins}: the distro profile and its wired adapters, then every datasource and
 * module with its declared metadata, marking overridden plug-ins. Reads service properties
 * only, so it loads no plug-in class.
 */
@Command(name = "plugins", description = "List the distro wiring, datasources and modules of this assembly.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Override
    public Integer call() {
        PluginCatalog catalog = parent.cli().catalog();
        var out = parent.cli().out();
        int rc = 0;
        try {
            DistroWiring w = DistroWiring.select(catalog, Optional.empty());
            out.printf("distro: %s (family %s, variant %s) from %s%n", w.profile().name(),
                    w.profile().string("family", "?"), w.profile().string("variant", "?"), w.profile().bundle());
            for (Map.Entry<String, PluginInfo> e : w.adapters().entrySet()) {
                out.printf("  %-17s %-10s %s%n", e.getKey(), e.getValue().name(), e.getValue().bundle());
            }
            for (Map.Entry<String, String> e : w.missing().entrySet()) {
                out.printf("  %-17s %-10s MISSING%n", e.getKey(), e.getValue());
                rc = 1;
            }
        } catch (IllegalStateException e) {
            out.println("distro: " + e.getMessage());
            rc = 1;
        }
        print(out, "datasources", catalog.all(Namespaces.DATASOURCE), List.of("stage"));
        print(out, "modules", catalog.all(Namespaces.MODULE), List.of("stage", "frequency", "idempotent"));
        return rc;
    }

    private static void print(java.io.PrintStream out, String title, List<PluginInfo> plugins, List<String> keys) {
        out.println(title + ":");
        String last = null;
        for (PluginInfo p : plugins) {
            StringBuilder sb = new StringBuilder();
            for (String k : keys) {
                sb.append(' ').append(k).append('=').append(String.join(",", p.list(k)));
            }
            boolean overridden = p.name().equals(last);
            out.printf("  %-28s%s  [%s ranking %d]%s%n", p.name(), sb, p.bundle(), p.ranking(),
                    overridden ? " overridden" : "");
            last = p.name();
        }
    }
}
