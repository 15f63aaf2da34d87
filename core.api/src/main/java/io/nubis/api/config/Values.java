package io.nubis.api.config;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Typed conversion of YAML values, failing with a {@link ConfigException} that names the key path. */
public final class Values {
    private Values() {
    }

    /** A scalar as text; mappings and lists are rejected. */
    public static String asString(String path, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw new ConfigException(path, "expected a string, got " + typeName(v));
    }

    /** A boolean, accepting the reference's string spellings. */
    public static boolean asBoolean(String path, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true": case "yes": case "on": case "1": case "y":
                    return true;
                case "false": case "no": case "off": case "0": case "n": case "":
                    return false;
                default:
                    break;
            }
        }
        if (v instanceof Number n) {
            return n.intValue() != 0;
        }
        throw new ConfigException(path, "expected a boolean, got " + typeName(v));
    }

    /** An integer. */
    public static long asLong(String path, Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new ConfigException(path, "expected an integer, got " + typeName(v));
    }

    /** A mapping with string keys. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(String path, Object v) {
        if (v == null) {
            return Collections.emptyMap();
        }
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    throw new ConfigException(path, "mapping key " + k + " is not a string");
                }
            }
            return (Map<String, Object>) m;
        }
        throw new ConfigException(path, "expected a mapping, got " + typeName(v));
    }

    /** A list; a scalar becomes a one-element list, null an empty one. */
    @SuppressWarnings("unchecked")
    public static List<Object> asList(String path, Object v) {
        if (v == null) {
            return Collections.emptyList();
        }
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (v instanceof Map) {
            throw new ConfigException(path, "expected a list, got a mapping");
        }
        return List.of(v);
    }

    /** The YAML-ish name of a value's type, for messages. */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return v.getClass().getSimpleName();
    }
}
