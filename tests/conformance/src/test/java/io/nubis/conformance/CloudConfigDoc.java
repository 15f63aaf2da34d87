package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A {@code cloud-config.txt} as data: the YAML documents of the file (comments and key order do
 * not matter), compared path by path.
 */
final class CloudConfigDoc {
    /** Marker for a file that was not written at all. */
    static final String MISSING = "<file not written>";

    private CloudConfigDoc() {
    }

    /** The file's non-empty YAML documents: one document as itself, several as a list, none as null. */
    static Object read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return MISSING;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        LoaderOptions opts = new LoaderOptions();
        opts.setAllowDuplicateKeys(true);
        Yaml yaml = new Yaml(new SafeConstructor(opts));
        List<Object> docs = new ArrayList<>();
        try {
            for (Object d : yaml.loadAll(text)) {
                if (d != null) {
                    docs.add(d);
                }
            }
        } catch (RuntimeException e) {
            return "<not YAML: " + e.getMessage().lines().findFirst().orElse("") + ">";
        }
        return docs.isEmpty() ? null : docs.size() == 1 ? docs.get(0) : docs;
    }

    /** A copy of {@code doc} without the value at {@code path} (dotted keys, list indexes as numbers). */
    static Object without(Object doc, String path) {
        if (path == null || path.isEmpty()) {
            return "<ignored>";
        }
        return remove(deepCopy(doc), path.split("\\."), 0);
    }

    @SuppressWarnings("unchecked")
    private static Object remove(Object node, String[] keys, int i) {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> map = (Map<Object, Object>) m;
            Object key = findKey(map, keys[i]);
            if (key != null || map.containsKey(null) && keys[i].equals("null")) {
                if (i == keys.length - 1) {
                    map.remove(key);
                } else {
                    map.put(key, remove(map.get(key), keys, i + 1));
                }
            }
        } else if (node instanceof List<?> l && keys[i].matches("\\d+")) {
            List<Object> list = (List<Object>) l;
            int idx = Integer.parseInt(keys[i]);
            if (idx < list.size()) {
                if (i == keys.length - 1) {
                    list.remove(idx);
                } else {
                    list.set(idx, remove(list.get(idx), keys, i + 1));
                }
            }
        }
        return node;
    }

    private static Object findKey(Map<Object, Object> map, String name) {
        for (Object k : map.keySet()) {
            if (Objects.equals(String.valueOf(k), name)) {
                return k;
            }
        }
        return null;
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }

    /**
     * Whether a parsed file contributes no configuration: not written, empty (no document) or an
     * empty mapping. Such forms are compared as equal; the suite notes where they differ.
     */
    static boolean isEmptyConfig(Object doc) {
        return doc == null || MISSING.equals(doc) || doc instanceof Map<?, ?> m && m.isEmpty();
    }

    /** Differences as {@code path: reference=X nubis=Y} lines; empty when equal. */
    static List<String> diff(Object reference, Object nubis) {
        List<String> out = new ArrayList<>();
        diff("", reference, nubis, out);
        return out;
    }

    private static void diff(String path, Object ref, Object nub, List<String> out) {
        if (path.isEmpty() && isEmptyConfig(ref) && isEmptyConfig(nub)) {
            return;
        }
        if (ref instanceof Map<?, ?> a && nub instanceof Map<?, ?> b) {
            TreeSet<String> keys = new TreeSet<>();
            a.keySet().forEach(k -> keys.add(String.valueOf(k)));
            b.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                Object ka = key(a, k);
                Object kb = key(b, k);
                String p = path.isEmpty() ? k : path + "." + k;
                if (ka == null && !hasNullKey(a, k)) {
                    out.add(p + ": reference=<absent> nubis=" + show(b.get(kb)));
                } else if (kb == null && !hasNullKey(b, k)) {
                    out.add(p + ": reference=" + show(a.get(ka)) + " nubis=<absent>");
                } else {
                    diff(p, a.get(ka), b.get(kb), out);
                }
            }
        } else if (ref instanceof List<?> a && nub instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + (path.isEmpty() ? "" : ".") + i, a.get(i), b.get(i), out);
            }
        } else if (!scalarEquals(ref, nub)) {
            out.add((path.isEmpty() ? "<document>" : path) + ": reference=" + show(ref) + " nubis=" + show(nub));
        }
    }

    private static boolean scalarEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.toString().equals(y.toString()) || x.doubleValue() == y.doubleValue();
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    private static Object key(Map<?, ?> m, String name) {
        for (Object k : m.keySet()) {
            if (Objects.equals(String.valueOf(k), name)) {
                return k;
            }
        }
        return null;
    }

    private static boolean hasNullKey(Map<?, ?> m, String name) {
        return name.equals("null") && m.containsKey(null);
    }

    static String show(Object v) {
        String s = v instanceof String str ? "'" + str + "'" : String.valueOf(v);
        s = s.replace("\n", "\\n");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
