package io.nubis.adapter.networkmanager.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Config values as the reference prints them with Python's {@code str()}, so keyfile values
 * come out the same.
 */
final class PyStr {
    private PyStr() {
    }

    static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PyStr::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value.toString();
    }

    private static String repr(Object value) {
        return value instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'" : of(value);
    }

    /** Python truthiness of a config value. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
