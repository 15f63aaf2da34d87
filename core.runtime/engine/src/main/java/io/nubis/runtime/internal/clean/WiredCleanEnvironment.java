package io.nubis.runtime.internal.clean;

import java.util.Optional;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.exec.Command;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.plugin.DistroWiring;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.plugin.PluginInfo;
import io.nubis.runtime.internal.status.ToolPaths;

/**
 * The distro wiring of the assembly: the init system is the one the distro profile names (its
 * {@code nubis.initsystem} service property), the reboot command comes from that init-system
 * adapter. Without a usable profile the init system is guessed as the reference does
 * ({@code /run/systemd/system} in the target means systemd).
 */
public final class WiredCleanEnvironment implements CleanEnvironment {
    private final PluginCatalog catalog;
    private final TargetRoot target;

    public WiredCleanEnvironment(PluginCatalog catalog, TargetRoot target) {
        this.catalog = catalog;
        this.target = target;
    }

    private Optional<DistroWiring> wiring() {
        try {
            return Optional.of(DistroWiring.select(catalog, ToolPaths.osId(target)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> initSystem() {
        Optional<String> named = wiring().map(w -> w.profile().string(Namespaces.INIT_SYSTEM, null));
        if (named.isPresent()) {
            return named;
        }
        return target.isDirectory("/run/systemd/system") ? Optional.of("systemd") : Optional.empty();
    }

    @Override
    public Command rebootCommand() {
        DistroWiring w = wiring().orElseThrow(
                () -> new IllegalStateException("the assembly has no usable distro profile to find the init system"));
        PluginInfo init = w.adapters().get(Namespaces.INIT_SYSTEM);
        if (init == null) {
            throw new IllegalStateException("the assembly has no init system adapter ("
                    + w.missing().getOrDefault(Namespaces.INIT_SYSTEM, "none named") + ")");
        }
        return catalog.service(init, InitSystem.class).powerState("reboot", "now", "");
    }
}
