package io.nubis.ds.nocloud.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates sources in the reference's order. Meta-data merges deeply with the value seen
 * first winning (so DMI and the kernel command line beat seed files, and seed files beat what
 * {@code seedfrom} fetches); user-data, vendor-data and network-config are replaced by each later
 * source that has them.
 */
final class SeedMerge {
    private final Map<String, Object> metaData = new LinkedHashMap<>();
    private byte[] userData;
    private byte[] vendorData;
    private Map<String, Object> networkConfig;
    private final List<String> found = new ArrayList<>();

    /** Adds a source and records its origin. */
    void add(SeedPart part) {
        if (part.metaData() != null) {
            mergeFirstWins(metaData, part.metaData());
        }
        if (part.userData() != null) {
            userData = part.userData();
        }
        if (part.vendorData() != null) {
            vendorData = part.vendorData();
        }
        if (part.networkConfig() != null) {
            networkConfig = part.networkConfig();
        }
        found.add(part.origin());
    }

    /** Records an origin that contributes no data by itself ({@code ds_config_seedfrom}). */
    void note(String origin) {
        found.add(origin);
    }

    /** Sets a meta-data key, overriding what earlier sources said. */
    void force(String key, Object value) {
        metaData.put(key, value);
    }

    /** Adds defaults for keys no source set. */
    void defaults(Map<String, Object> defaults) {
        mergeFirstWins(metaData, defaults);
    }

    Map<String, Object> metaData() {
        return metaData;
    }

    byte[] userData() {
        return userData;
    }

    byte[] vendorData() {
        return vendorData;
    }

    Map<String, Object> networkConfig() {
        return networkConfig;
    }

    /** Origins in the order they were found. */
    List<String> found() {
        return found;
    }

    /** Deep merge where {@code into} keeps its values; nested mappings are merged key by key. */
    @SuppressWarnings("unchecked")
    static void mergeFirstWins(Map<String, Object> into, Map<String, Object> from) {
        for (Map.Entry<String, Object> e : from.entrySet()) {
            String k = e.getKey();
            Object mine = into.get(k);
            if (!into.containsKey(k)) {
                into.put(k, copy(e.getValue()));
            } else if (mine instanceof Map<?, ?> m && e.getValue() instanceof Map<?, ?> theirs) {
                Map<String, Object> merged = (Map<String, Object>) copy(m);
                mergeFirstWins(merged, (Map<String, Object>) stringKeys(theirs));
                into.put(k, merged);
            }
        }
    }

    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put(String.valueOf(k), copy(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            l.forEach(x -> c.add(copy(x)));
            return c;
        }
        return v;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> c = new LinkedHashMap<>();
        m.forEach((k, x) -> c.put(String.valueOf(k), x));
        return c;
    }
}
