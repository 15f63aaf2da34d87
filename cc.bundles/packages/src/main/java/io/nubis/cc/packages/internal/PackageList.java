package io.nubis.cc.packages.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.distro.PackageSpec;

/**
 * The {@code packages} list in the reference's forms: {@code name}, {@code [name]},
 * {@code [name, version]}, and mappings keyed by package manager ({@code {apt: [...]}}) whose
 * entries use the same forms. Mapping keys must name a manager the distro declares in
 * {@code system_info.package_managers}; only the first (native) one is handled by the
 * package-manager adapter.
 */
final class PackageList {
    private PackageList() {
    }

    /**
     * Groups the packages by manager: the native manager's packages come first under its name.
     *
     * @param items    the {@code packages} list
     * @param managers {@code system_info.package_managers}, first = native; may be empty
     */
    static Map<String, List<PackageSpec>> parse(List<Object> items, List<String> managers) {
        String nativeName = managers.isEmpty() ? "" : managers.get(0);
        Map<String, List<PackageSpec>> out = new LinkedHashMap<>();
        out.put(nativeName, new ArrayList<>());
        for (int i = 0; i < items.size(); i++) {
            String path = "packages[" + i + "]";
            Object item = items.get(i);
            if (item instanceof Map<?, ?>) {
                Map<String, Object> byManager = Values.asMap(path, item);
                if (managers.isEmpty()) {
                    throw new ConfigException(path, "invalid package type: this distro takes no package-manager"
                            + " mappings (system_info.package_managers is not set); give names or [name, version]");
                }
                for (Map.Entry<String, Object> e : byManager.entrySet()) {
                    String sub = path + "." + e.getKey();
                    if (!managers.contains(e.getKey())) {
                        throw new ConfigException(sub, "unknown package manager '" + e.getKey()
                                + "' (this distro has " + String.join(", ", managers) + ")");
                    }
                    List<Object> list = Values.asList(sub, e.getValue());
                    List<PackageSpec> specs = out.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    for (int j = 0; j < list.size(); j++) {
                        specs.add(spec(sub + "[" + j + "]", list.get(j)));
                    }
                }
            } else {
                out.get(nativeName).add(spec(path, item));
            }
        }
        return out;
    }

    /** One entry: a name or a one- or two-element list. */
    static PackageSpec spec(String path, Object item) {
        if (item instanceof String s) {
            return PackageSpec.of(nonEmpty(path, s));
        }
        if (item instanceof List<?> l) {
            if (l.isEmpty() || l.size() > 2) {
                throw new ConfigException(path, "invalid package & version tuple: expected [name] or [name, version],"
                        + " got " + l.size() + " elements");
            }
            String name = nonEmpty(path + "[0]", Values.asString(path + "[0]", l.get(0)));
            if (l.size() == 1 || l.get(1) == null) {
                return PackageSpec.of(name);
            }
            return new PackageSpec(name, nonEmpty(path + "[1]", Values.asString(path + "[1]", l.get(1))));
        }
        throw new ConfigException(path, "invalid package type: expected a name or [name, version], got "
                + Values.typeName(item));
    }

    private static String nonEmpty(String path, String s) {
        if (s.isBlank()) {
            throw new ConfigException(path, "empty package name or version");
        }
        return s.strip();
    }
}
