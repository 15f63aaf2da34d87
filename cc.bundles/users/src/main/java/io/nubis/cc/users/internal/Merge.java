package io.nubis.cc.users.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The reference's small merging helpers ({@code mergemanydict}, {@code uniq_merge_sorted}). */
final class Merge {
    private Merge() {
    }

    /**
     * Merges mappings where the earlier source wins, recursing into nested mappings, as the
     * reference's {@code mergemanydict} with its default mergers does.
     */
    @SafeVarargs
    static Map<String, Object> firstWins(Map<String, Object>... sources) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> src : sources) {
            if (src != null) {
                mergeInto(out, src);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void mergeInto(Map<String, Object> into, Map<String, Object> src) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            Object old = into.get(e.getKey());
            if (!into.containsKey(e.getKey())) {
                into.put(e.getKey(), deepCopy(e.getValue()));
            } else if (old instanceof Map<?, ?> om && e.getValue() instanceof Map<?, ?> nm) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) om);
                mergeInto(merged, (Map<String, Object>) nm);
                into.put(e.getKey(), merged);
            }
        }
    }

    /** A copy of nested mappings and lists, so normalising never changes the merged config. */
    @SuppressWarnings("unchecked")
    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), deepCopy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(deepCopy(x)));
            return out;
        }
        return v;
    }

    /**
     * Strings split on commas (trimmed, empty parts dropped) and list items, de-duplicated in
     * order: the reference's {@code uniq_merge}.
     */
    static List<String> uniq(Object... parts) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Object p : parts) {
            if (p instanceof String s) {
                for (String item : s.split(",")) {
                    if (!item.strip().isEmpty()) {
                        out.add(item.strip());
                    }
                }
            } else if (p instanceof Collection<?> c) {
                for (Object item : c) {
                    if (item != null) {
                        out.add(String.valueOf(item).strip());
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** {@link #uniq} sorted: the reference's {@code uniq_merge_sorted}. */
    static List<String> uniqSorted(Object... parts) {
        return new ArrayList<>(new TreeSet<>(uniq(parts)));
    }
}
