package io.nubis.api.net.support;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Config values as the reference's Python sees them: {@link #of} is {@code str()} (for option
 * strings such as {@code mode=%s}, ifcfg and keyfile values), {@link #truthy} is truth testing
 * (for keys the reference writes only when their value is true).
 */
public final class PyStr {
    private PyStr() {
    }

    /** {@code str(value)}: {@code None}, {@code True}/{@code False}, lists and maps with their items' {@code repr()}. */
    public static String of(Object value) {
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

    /** Python's truth of a config value: null, false, zero, empty text, lists and maps are false. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
