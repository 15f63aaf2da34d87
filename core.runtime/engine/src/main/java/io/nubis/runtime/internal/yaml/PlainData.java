package io.nubis.runtime.internal.yaml;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a YAML parser built into plain, tree-shaped data: string keys, lists for sets and
 * sequences, aliases expanded into copies (bounded by a value count and a depth, so alias bombs
 * and self-referencing documents fail instead of growing without end).
 */
final class PlainData {
    private final String source;
    private final int maxNodes;
    private final int maxDepth;
    private int nodes;

    private PlainData(String source, int maxNodes, int maxDepth) {
        this.source = source;
        this.maxNodes = maxNodes;
        this.maxDepth = maxDepth;
    }

    static Object of(Object parsed, String source, YamlLimits limits) {
        return new PlainData(source, limits.maxNodes(), limits.maxDepth()).copy(parsed, 0);
    }

    private Object copy(Object v, int depth) {
        if (++nodes > maxNodes) {
            throw new YamlException(source, 0, 0,
                    "document expands to more than " + maxNodes + " values (too many aliases?)");
        }
        if (depth > maxDepth) {
            throw new YamlException(source, 0, 0,
                    "document nests deeper than " + maxDepth + " levels (self-referencing alias?)");
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(keyText(e.getKey()), copy(e.getValue(), depth + 1));
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object item : c) {
                out.add(copy(item, depth + 1));
            }
            return out;
        }
        if (v instanceof Date d) {
            return DateTimeFormatter.ISO_INSTANT.format(d.toInstant().atOffset(ZoneOffset.UTC));
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer
                || v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return String.valueOf(v);
    }

    /** Mapping keys as the JSON view of the data would show them ({@code yes:} is {@code "true"}). */
    static String keyText(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof String s) {
            return s;
        }
        if (k instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(k);
    }
}
