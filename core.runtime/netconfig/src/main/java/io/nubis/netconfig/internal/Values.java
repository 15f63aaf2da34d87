package io.nubis.netconfig.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of YAML/JSON values: each returns null (and records a problem at the value's
 * path) when the value has the wrong type, so that reading goes on and every problem is found.
 */
final class Values {
    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** Records every key of {@code map} that is not in {@code allowed}. */
    void onlyKeys(Map<?, ?> map, String path, Set<String> allowed) {
        for (Object k : map.keySet()) {
            if (!(k instanceof String s) || !allowed.contains(s)) {
                problems.add(Problems.key(path, String.valueOf(k)), "unknown key");
            }
        }
    }

    /** A map with string keys, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            for (Object k : m.keySet()) {
                if (!(k instanceof String)) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((a, b) -> copy.put(String.valueOf(a), b));
                    return copy;
                }
            }
            return (Map<String, Object>) m;
        }
        wrong(path, "a mapping", v);
        return null;
    }

    /** A list, or null. */
    @SuppressWarnings("unchecked")
    List<Object> list(Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        wrong(path, "a list", v);
        return null;
    }

    /** A string, or null. */
    String string(Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        wrong(path, "a string", v);
        return null;
    }

    /** An integer in [min, max], given as a number or as decimal digits; or null. */
    Integer integer(Object v, String path, long min, long max) {
        if (v == null) {
            return null;
        }
        BigInteger n = null;
        if (isIntegral(v)) {
            n = new BigInteger(v.toString());
        } else if (v instanceof String s && !s.isBlank() && s.trim().chars().allMatch(c -> c >= '0' && c <= '9')) {
            n = new BigInteger(s.trim());
        } else if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            n = BigInteger.valueOf(d.longValue());
        }
        if (n == null) {
            wrong(path, "an integer", v);
            return null;
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(path, "must be between " + min + " and " + max + ", not " + n);
            return null;
        }
        return n.intValue();
    }

    /** A boolean, given as one or as true/false, yes/no, on/off, 1/0; or null. */
    Boolean bool(Object v, String path) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v instanceof String str ? str.trim().toLowerCase(Locale.ROOT) : isIntegral(v) ? v.toString() : null;
        if (s != null) {
            switch (s) {
                case "true", "yes", "on", "1" -> {
                    return Boolean.TRUE;
                }
                case "false", "no", "off", "0" -> {
                    return Boolean.FALSE;
                }
                default -> {
                }
            }
        }
        wrong(path, "a boolean", v);
        return null;
    }

    /**
     * A list of strings, from a list or from one string ({@code split}: split at white space and
     * commas, as the reference splits {@code dns_nameservers: "1.1.1.1 8.8.8.8"}); or null.
     */
    List<String> strings(Object v, String path, boolean split) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            if (!split) {
                return List.of(s);
            }
            List<String> out = new ArrayList<>();
            for (String part : s.trim().split("[\\s,]+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                String s = string(l.get(i), Problems.index(path, i));
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }
        wrong(path, "a string or a list of strings", v);
        return null;
    }

    /** Records that the value at {@code path} is not {@code expected}. */
    void wrong(String path, String expected, Object v) {
        problems.add(path, "must be " + expected + ", not " + describe(v));
    }

    static boolean isIntegral(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Boolean) {
            return "a boolean (" + v + ")";
        }
        if (v instanceof Number) {
            return "a number (" + v + ")";
        }
        if (v instanceof String s) {
            return "the string '" + s + "'";
        }
        return v.getClass().getSimpleName();
    }
}
