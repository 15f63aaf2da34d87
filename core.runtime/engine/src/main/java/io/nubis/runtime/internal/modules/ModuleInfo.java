package io.nubis.runtime.internal.modules;

import java.util.List;

import io.nubis.api.capability.Attributes;
import io.nubis.api.module.Frequency;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * A module as its service properties declare it, read without loading its class.
 *
 * @param name       module name ({@code bootcmd})
 * @param stage      declared stage id
 * @param frequency  declared frequency
 * @param idempotent whether update mode may run it
 * @param keys       activation keys; empty means always active
 * @param distros    supported distros; {@code all} for every one
 * @param after      modules that run before it when both are in the same stage
 * @param before     modules that run after it when both are in the same stage
 * @param bundle     providing bundle
 * @param plugin     the catalog entry, to get the service; null in tests
 * @param prepares   whether it implements the early prepare call
 * @param touches    shared resources it reads or changes; empty means any (it runs alone)
 */
public record ModuleInfo(String name, String stage, Frequency frequency, boolean idempotent, List<String> keys,
        List<String> distros, List<String> after, List<String> before, String bundle, PluginInfo plugin,
        boolean prepares, List<String> touches) {

    /** Copies the touched resources. */
    public ModuleInfo {
        touches = touches == null ? List.of() : List.copyOf(touches);
    }

    /** A module that does not prepare early and declares no resources. */
    public ModuleInfo(String name, String stage, Frequency frequency, boolean idempotent, List<String> keys,
            List<String> distros, List<String> after, List<String> before, String bundle, PluginInfo plugin) {
        this(name, stage, frequency, idempotent, keys, distros, after, before, bundle, plugin, false);
    }

    /** A module that declares no resources. */
    public ModuleInfo(String name, String stage, Frequency frequency, boolean idempotent, List<String> keys,
            List<String> distros, List<String> after, List<String> before, String bundle, PluginInfo plugin,
            boolean prepares) {
        this(name, stage, frequency, idempotent, keys, distros, after, before, bundle, plugin, prepares, List.of());
    }

    /** Reads the properties of a {@code nubis.module} plug-in; a bad frequency falls back to per-instance. */
    public static ModuleInfo of(PluginInfo p) {
        Frequency f;
        try {
            f = Frequency.of(p.string(Attributes.FREQUENCY, Frequency.PER_INSTANCE_ID));
        } catch (IllegalArgumentException e) {
            f = Frequency.PER_INSTANCE;
        }
        List<String> distros = p.list(Attributes.DISTROS);
        return new ModuleInfo(p.name(), p.string(Attributes.STAGE, ""), f, p.bool(Attributes.IDEMPOTENT),
                p.list(Attributes.KEYS), distros.isEmpty() ? List.of("all") : distros, p.list(Attributes.AFTER),
                p.list(Attributes.BEFORE), p.bundle(), p, p.bool(Attributes.PREPARES), p.list(Attributes.TOUCHES));
    }

    /** A copy declaring these touched resources. */
    public ModuleInfo withTouches(List<String> resources) {
        return new ModuleInfo(name, stage, frequency, idempotent, keys, distros, after, before, bundle, plugin, prepares,
                resources);
    }

    /** True if the module declares support for the distro (or all distros). */
    public boolean supports(String distro) {
        return distros.contains("all") || distros.contains(distro);
    }
}
