package io.nubis.adapter.networkd.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@code .network} file laid out as the reference writes it: sections in name order, each
 * section's {@code key=value} lines sorted and without duplicates, every {@code [Address]} line
 * in a section of its own, and one {@code [Route]} section per route id (ids sorted as strings)
 * with a blank line after each of its lines.
 */
final class NetworkFile {
    static final String ADDRESS = "Address";
    static final String ROUTE = "Route";

    private final Map<String, TreeSet<String>> sections = new TreeMap<>();
    private final Map<String, TreeSet<String>> routes = new TreeMap<>();

    /** Adds {@code key=value} to a section. */
    NetworkFile put(String section, String key, Object value) {
        sections.computeIfAbsent(section, s -> new TreeSet<>()).add(key + "=" + PyText.str(value));
        return this;
    }

    /** Adds {@code key=value} to the route section with id {@code rid}. */
    NetworkFile route(String rid, String key, Object value) {
        routes.computeIfAbsent(rid, r -> new TreeSet<>()).add(key + "=" + PyText.str(value));
        return this;
    }

    boolean has(String section) {
        return sections.containsKey(section);
    }

    String text() {
        Map<String, Object> all = new TreeMap<>(sections);
        if (!routes.isEmpty()) {
            all.put(ROUTE, routes);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> s : all.entrySet()) {
            if (s.getKey().equals(ROUTE)) {
                for (TreeSet<String> r : routes.values()) {
                    sb.append("[Route]\n");
                    r.forEach(line -> sb.append(line).append("\n\n"));
                }
            } else if (s.getKey().equals(ADDRESS)) {
                sections.get(ADDRESS).forEach(line -> sb.append("[Address]\n").append(line).append("\n\n"));
            } else {
                sb.append('[').append(s.getKey()).append("]\n");
                sections.get(s.getKey()).forEach(line -> sb.append(line).append('\n'));
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
