package io.nubis.runtime.internal.pyjson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON exactly as Python's {@code json.dumps} does, so that files and command output match
 * the reference byte for byte: {@code ensure_ascii} escaping, Python's float {@code repr}
 * ({@code 1e-05}, {@code 3.0}), the separators Python picks for a given indent, optional key
 * sorting. Binary values ({@code byte[]}) are written as {@code "ci-b64:<base64>"}, as cloud-init's
 * {@code json_serialize_default} does.
 */
public final class JsonWriter {
    private final int indent;
    private final boolean sortKeys;
    private final String itemSeparator;
    private final String keySeparator;
    private final StringBuilder out = new StringBuilder(256);

    private JsonWriter(int indent, boolean sortKeys) {
        this.indent = indent;
        this.sortKeys = sortKeys;
        this.itemSeparator = indent >= 0 ? "," : ", ";
        this.keySeparator = ": ";
    }

    /**
     * {@code json.dumps(value, indent=indent, sort_keys=sortKeys)}; an indent below 0 means
     * {@code indent=None} (one line, {@code ", "} between items).
     */
    public static String dumps(Object value, int indent, boolean sortKeys) {
        JsonWriter w = new JsonWriter(indent, sortKeys);
        w.write(value, 0);
        return w.out.toString();
    }

    /** cloud-init's {@code atomic_helper.json_dumps}: indent 1, keys sorted. */
    public static String ciDumps(Object value) {
        return dumps(value, 1, true);
    }

    private void write(Object v, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            out.append(floatRepr(((Number) v).doubleValue()));
        } else if (v instanceof Number n) {
            out.append(n instanceof BigDecimal d ? floatRepr(d.doubleValue()) : n.toString());
        } else if (v instanceof Map<?, ?> m) {
            map(m, level);
        } else if (v instanceof Collection<?> c) {
            list(c, level);
        } else if (v instanceof Object[] a) {
            list(List.of(a), level);
        } else if (v instanceof byte[] bytes) {
            string(out, "ci-b64:" + Base64.getEncoder().encodeToString(bytes));
        } else {
            string(out, "Warning: redacted unserializable type " + v.getClass().getName());
        }
    }

    private void map(Map<?, ?> m, int level) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        if (sortKeys) {
            entries.sort((a, b) -> PyOrder.compare(String.valueOf(a.getKey()), String.valueOf(b.getKey())));
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries) {
            if (!first) {
                out.append(itemSeparator);
            }
            first = false;
            newline(level + 1);
            string(out, keyText(e.getKey()));
            out.append(keySeparator);
            write(e.getValue(), level + 1);
        }
        newline(level);
        out.append('}');
    }

    private static String keyText(Object key) {
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double || key instanceof Float) {
            return floatRepr(((Number) key).doubleValue());
        }
        return key == null ? "null" : key.toString();
    }

    private void list(Collection<?> c, int level) {
        if (c.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : c) {
            if (!first) {
                out.append(itemSeparator);
            }
            first = false;
            newline(level + 1);
            write(item, level + 1);
        }
        newline(level);
        out.append(']');
    }

    private void newline(int level) {
        if (indent < 0) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < level * indent; i++) {
            out.append(' ');
        }
    }

    /** Appends a JSON string literal with Python's {@code ensure_ascii=True} escaping. */
    public static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append("\\u");
                        String hex = Integer.toHexString(c);
                        for (int k = hex.length(); k < 4; k++) {
                            sb.append('0');
                        }
                        sb.append(hex);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back to the same value, in
     * positional notation when the decimal exponent is in [-4, 16), else {@code d.ddde+XX}.
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        BigInteger unscaled = bd.unscaledValue();
        String sign = unscaled.signum() < 0 ? "-" : "";
        String digits = unscaled.abs().toString();
        int decpt = digits.length() - bd.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            sb.append(a);
        } else if (decpt <= 0) {
            sb.append("0.");
            for (int i = decpt; i < 0; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits);
            for (int i = digits.length(); i < decpt; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }
}
