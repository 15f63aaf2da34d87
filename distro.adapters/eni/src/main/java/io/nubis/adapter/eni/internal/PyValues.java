package io.nubis.adapter.eni.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Values written the way the reference writes its interface attributes: booleans as {@code on}
 * and {@code off}, lists joined with spaces. (Values Python counts as false are left out:
 * {@link io.nubis.api.net.support.PyStr#truthy}.)
 */
final class PyValues {
    private PyValues() {
    }

    /** The value after the boolean conversion: {@code on}/{@code off} for booleans, else itself. */
    static Object onOff(Object value) {
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return value;
    }

    /** One value as text: lists joined with spaces, maps as {@code key value} pairs. */
    static String text(Object value) {
        if (value instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object e : c) {
                parts.add(text(e));
            }
            return String.join(" ", parts);
        }
        if (value instanceof Map<?, ?> m) {
            return String.join(" ", entries(m));
        }
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return String.valueOf(value);
    }

    /** The values of an option the reference writes once per value: a list's items, a map's {@code key value} pairs. */
    static List<String> each(Object value) {
        if (value instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object e : c) {
                out.add(text(e));
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            return entries(m);
        }
        return List.of(text(value));
    }

    private static List<String> entries(Map<?, ?> m) {
        List<String> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(k + " " + text(v)));
        return out;
    }
}
