package io.nubis.runtime.internal.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.capability.Namespaces;

/**
 * Which distro profile is in force and which adapter serves each of its adapter namespaces,
 * worked out from service properties. The profile names an adapter per namespace
 * ({@code nubis.initsystem=openrc}); the adapter with that name and the highest ranking is wired.
 *
 * @param profile  the selected profile
 * @param adapters namespace to the wired adapter
 * @param missing  namespaces whose named adapter is not in the assembly, with the name
 */
public record DistroWiring(PluginInfo profile, Map<String, PluginInfo> adapters, Map<String, String> missing) {

    /**
     * Selects the profile: the only one, or the one whose name matches {@code osId} (the target's
     * /etc/os-release ID) when the assembly has several.
     *
     * @throws IllegalStateException when there is none, or several and none matches
     */
    public static DistroWiring select(PluginCatalog catalog, Optional<String> osId) {
        Collection<PluginInfo> profiles = catalog.selected(Namespaces.DISTRO).values();
        PluginInfo profile;
        if (profiles.isEmpty()) {
            throw new IllegalStateException("the assembly has no distro profile bundle");
        } else if (profiles.size() == 1) {
            profile = profiles.iterator().next();
        } else {
            List<String> names = new ArrayList<>();
            profile = null;
            for (PluginInfo p : profiles) {
                names.add(p.name());
                if (osId.isPresent() && (osId.get().equals(p.name()))) {
                    profile = p;
                }
            }
            if (profile == null) {
                throw new IllegalStateException("several distro profiles " + names + " and /etc/os-release ID "
                        + osId.orElse("(none)") + " matches none");
            }
        }
        Map<String, PluginInfo> adapters = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        for (String ns : Namespaces.ADAPTERS) {
            String wanted = profile.string(ns, null);
            if (wanted == null) {
                continue;
            }
            Optional<PluginInfo> a = catalog.select(ns, wanted);
            if (a.isPresent()) {
                adapters.put(ns, a.get());
            } else {
                missing.put(ns, wanted);
            }
        }
        return new DistroWiring(profile, adapters, missing);
    }
}
