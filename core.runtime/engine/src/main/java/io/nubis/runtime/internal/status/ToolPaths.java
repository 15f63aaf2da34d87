package io.nubis.runtime.internal.status;

import java.io.IOException;
import java.util.Optional;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.plugin.DistroWiring;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * The directories the command-line tools read and clean: run directory, state directory,
 * config directory and log file. They come from the distro's filesystem-layout adapter
 * ({@code /var/run/cloud-init} and {@code /usr/local/etc/cloud} on FreeBSD); without one, the
 * reference's Linux defaults. {@code system_info.paths} overrides are not read: the tools that
 * use these run on the start-up path and must not parse the system config.
 *
 * @param runDir    run directory ({@code /run/cloud-init})
 * @param cloudDir  state directory ({@code /var/lib/cloud})
 * @param configDir config directory ({@code /etc/cloud})
 * @param logFile   main log ({@code /var/log/cloud-init.log})
 */
public record ToolPaths(String runDir, String cloudDir, String configDir, String logFile) {
    /** The reference's paths on Linux. */
    public static final ToolPaths LINUX = new ToolPaths("/run/cloud-init", "/var/lib/cloud", "/etc/cloud",
            "/var/log/cloud-init.log");

    /** The paths of a layout adapter. */
    public static ToolPaths of(FilesystemLayout layout) {
        return new ToolPaths(layout.runDir(), layout.cloudDir(), layout.configDir(), layout.logFile());
    }

    /**
     * The paths of the assembly's distro layout, or {@link #LINUX} when the assembly (or a test)
     * has none.
     */
    public static ToolPaths lookup(PluginCatalog catalog, TargetRoot target) {
        try {
            DistroWiring w = DistroWiring.select(catalog, osId(target));
            PluginInfo layout = w.adapters().get(Namespaces.LAYOUT);
            if (layout != null) {
                return of(catalog.service(layout, FilesystemLayout.class));
            }
        } catch (RuntimeException e) {
            // no framework, no profile or no layout adapter: the reference's defaults
        }
        return LINUX;
    }

    /** The {@code ID} of the target's /etc/os-release, if any. */
    public static Optional<String> osId(TargetRoot target) {
        try {
            for (String line : target.readString("/etc/os-release").orElse("").split("\n")) {
                if (line.startsWith("ID=")) {
                    return Optional.of(line.substring(3).trim().replace("\"", "").replace("'", ""));
                }
            }
        } catch (IOException e) {
            // no os-release
        }
        return Optional.empty();
    }

    /** A file in the run directory. */
    public String run(String name) {
        return runDir + "/" + name;
    }

    /** A path in the state directory. */
    public String cloud(String name) {
        return cloudDir + "/" + name;
    }

    /** The link to the current instance directory. */
    public String instanceLink() {
        return cloud("instance");
    }

    /** A file in the current instance directory, through the link. */
    public String instance(String name) {
        return instanceLink() + "/" + name;
    }

    /** The marker file that disables the agent. */
    public String disabledFile() {
        return configDir + "/cloud-init.disabled";
    }
}
