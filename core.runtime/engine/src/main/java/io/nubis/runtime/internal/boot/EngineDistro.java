package io.nubis.runtime.internal.boot;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Distro;
import io.nubis.api.distro.DistroProfile;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.UserManager;
import io.nubis.runtime.internal.plugin.DistroWiring;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * The {@link Distro} of a {@link DistroWiring}: each adapter service is got (and its class
 * loaded) on first use only. Asking for an adapter the profile names but the assembly lacks is
 * an {@link IllegalStateException} naming it.
 */
public final class EngineDistro implements Distro {
    private final PluginCatalog catalog;
    private final DistroWiring wiring;
    private final Map<String, Object> services = new ConcurrentHashMap<>();

    public EngineDistro(PluginCatalog catalog, DistroWiring wiring) {
        this.catalog = catalog;
        this.wiring = wiring;
    }

    /** The wiring. */
    public DistroWiring wiring() {
        return wiring;
    }

    @Override
    public DistroProfile profile() {
        return (DistroProfile) services.computeIfAbsent(Namespaces.DISTRO,
                ns -> catalog.service(wiring.profile(), DistroProfile.class));
    }

    @Override
    public InitSystem initSystem() {
        return adapter(Namespaces.INIT_SYSTEM, InitSystem.class);
    }

    @Override
    public PrivilegeRules privilege() {
        return adapter(Namespaces.PRIVILEGE, PrivilegeRules.class);
    }

    @Override
    public DeviceManager devices() {
        return adapter(Namespaces.DEVICES, DeviceManager.class);
    }

    @Override
    public PackageManager packages() {
        return adapter(Namespaces.PACKAGES, PackageManager.class);
    }

    @Override
    public UserManager users() {
        return adapter(Namespaces.USERS, UserManager.class);
    }

    @Override
    public FilesystemLayout layout() {
        return adapter(Namespaces.LAYOUT, FilesystemLayout.class);
    }

    /** True if the profile names an adapter for the namespace and the assembly has it. */
    public boolean has(String namespace) {
        return wiring.adapters().containsKey(namespace);
    }

    private <T> T adapter(String namespace, Class<T> type) {
        Object s = services.computeIfAbsent(namespace, ns -> {
            PluginInfo p = wiring.adapters().get(ns);
            if (p == null) {
                String wanted = wiring.missing().get(ns);
                throw new IllegalStateException(wanted == null
                        ? "distro " + wiring.profile().name() + " names no " + ns + " adapter"
                        : "distro " + wiring.profile().name() + " needs the " + ns + " adapter '" + wanted
                                + "', which this assembly does not have");
            }
            return catalog.service(p, type);
        });
        return type.cast(s);
    }
}
