package io.nubis.runtime.internal.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where merged values came from: a tree that mirrors the nesting of mappings in the merged data.
 * Each node lists the sources that set or changed the value at its path, in merge order; the
 * last one set it most recently. Lists are leaves: a list changed by several sources (append,
 * index-wise merges) lists all of them.
 */
public final class Provenance {
    private final List<String> sources = new ArrayList<>(2);
    private final Map<String, Provenance> children = new LinkedHashMap<>();

    Provenance() {
    }

    /** The sources of the value at this path, oldest first; empty if unknown. */
    public List<String> sources() {
        return Collections.unmodifiableList(sources);
    }

    /** The node of a nested key, or null. */
    public Provenance get(String key) {
        return children.get(key);
    }

    /** The node at a key path below this one, or null. */
    public Provenance get(List<String> keys) {
        Provenance p = this;
        for (String k : keys) {
            p = p.children.get(k);
            if (p == null) {
                return null;
            }
        }
        return p;
    }

    /** Keys of nested nodes, in insertion order. */
    public List<String> keys() {
        return List.copyOf(children.keySet());
    }

    /** Provenance for a value that came whole from one source. */
    public static Provenance uniform(Object value, String source) {
        Provenance p = new Provenance();
        p.adopt(value, null, List.of(source));
        return p;
    }

    Provenance child(String key) {
        return children.computeIfAbsent(key, k -> new Provenance());
    }

    void remove(String key) {
        children.remove(key);
    }

    void add(List<String> more) {
        for (String s : more) {
            sources.remove(s);
            sources.add(s);
        }
    }

    /**
     * Becomes the provenance of {@code value}, copied from {@code from} where it has entries and
     * {@code fallback} elsewhere.
     */
    void adopt(Object value, Provenance from, List<String> fallback) {
        sources.clear();
        children.clear();
        List<String> mine = from != null && !from.sources.isEmpty() ? from.sources : fallback;
        sources.addAll(mine);
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = String.valueOf(e.getKey());
                child(k).adopt(e.getValue(), from == null ? null : from.children.get(k), mine);
            }
        }
    }

    Provenance copy() {
        Provenance p = new Provenance();
        p.sources.addAll(sources);
        children.forEach((k, v) -> p.children.put(k, v.copy()));
        return p;
    }
}
