package io.nubis.adapter.rcconf.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rc.conf keys a network state asks for, in the order they are appended when rc.conf lacks
 * them. Most keys belong to the renderer whole ({@code ifconfig_em0}); the {@link #SHARED} list
 * keys hold entries of other software too, so only the elements are the renderer's.
 */
final class RcConfKeys {
    /** Whitespace-separated lists shared with the rest of the system. */
    static final Set<String> SHARED = Set.of("cloned_interfaces", "static_routes", "ipv6_static_routes");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Set<String>> elements = new LinkedHashMap<>();
    private final Set<String> order = new LinkedHashSet<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();

    /** Sets a whole key; setting it again keeps its place, as the reference's rc.conf helper does. */
    void put(String key, String value) {
        if (SHARED.contains(key)) {
            throw new IllegalArgumentException(key + " is a shared list: add elements to it");
        }
        values.put(key, value);
        order.add(key);
    }

    /** Adds an element to a shared list key. */
    void add(String key, String element) {
        if (!SHARED.contains(key)) {
            throw new IllegalArgumentException(key + " is not a shared list");
        }
        elements.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(element);
        order.add(key);
    }

    /** Records the config names that have another name in rc.conf (bonds as lagg, bridges...). */
    void renamed(Map<String, String> names) {
        renamed.putAll(names);
    }

    /** Whole keys to values. */
    Map<String, String> values() {
        return values;
    }

    /** The renderer's elements of each shared list. */
    Map<String, Set<String>> elements() {
        return elements;
    }

    /** Every key, whole or shared, in first-set order. */
    Set<String> order() {
        return order;
    }

    /** Config name to rc.conf name, where they differ, in state order. */
    Map<String, String> renamed() {
        return renamed;
    }

    /** The value of a whole key, or null. */
    String get(String key) {
        return values.get(key);
    }
}
