package io.nubis.runtime.internal.query;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * cloud-init's {@code convert_jinja_instance_data}: instance data as template variables. Keys are
 * visited in sorted order; the values of a {@code vN} object are also copied to the top level;
 * optionally every key containing a Jinja operator ({@code -}, {@code .}, ...) gets an alias with
 * the operators replaced by {@code _} ({@code cloud-name} → {@code cloud_name}); values at the
 * listed key paths ({@code ds/user_data}) are base64-decoded.
 */
public final class JinjaVars {
    /** Jinja's operator tokens, longest first, as jinja2.lexer's {@code operator_re}. */
    private static final Pattern OPERATORS = Pattern.compile(
            "\\*\\*|//|==|!=|>=|<=|[-+/*%~\\[\\](){}><=.:|,;]");
    private static final Pattern VERSION_KEY = Pattern.compile("v\\d+");

    private JinjaVars() {
    }

    /** The alias of a key, or null if it needs none. */
    public static String alias(String key) {
        String a = OPERATORS.matcher(key).replaceAll("_");
        return a.equals(key) ? null : a;
    }

    /** Converts without decoding anything. */
    public static Map<String, Object> convert(Map<String, Object> data, boolean aliases) {
        return convert(data, "", Set.of(), aliases);
    }

    /**
     * Converts instance data.
     *
     * @param decodePaths {@code /}-separated key paths whose values are base64 text to decode
     *                    (hyphens and underscores are treated alike)
     */
    public static Map<String, Object> convert(Map<String, Object> data, String prefix, Set<String> decodePaths,
            boolean aliases) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(data).entrySet()) {
            String key = e.getKey();
            String keyPath = prefix.isEmpty() ? key : prefix + "/" + key;
            Object value = e.getValue();
            if (decodePaths.contains(keyPath.replace('-', '_'))) {
                value = b64d(value);
            }
            if (value instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> sub = convert((Map<String, Object>) m, keyPath, decodePaths, aliases);
                result.put(key, sub);
                if (VERSION_KEY.matcher(key).matches()) {
                    for (Map.Entry<String, Object> s : sub.entrySet()) {
                        result.put(s.getKey(), deepCopy(s.getValue()));
                    }
                }
            } else {
                result.put(key, value);
            }
            if (aliases) {
                String alias = alias(key);
                if (alias != null) {
                    result.put(alias, deepCopy(result.get(key)));
                }
            }
        }
        return result;
    }

    /** The set of decode paths from the data's {@code base64_encoded_keys}, normalised. */
    public static Set<String> decodePaths(Map<String, Object> data) {
        Object keys = data.get("base64_encoded_keys");
        if (!(keys instanceof List<?> list)) {
            return Set.of();
        }
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (Object o : list) {
            out.add(String.valueOf(o).replace('-', '_'));
        }
        return out;
    }

    /** Base64-decodes a string value to text, or to bytes if it is not UTF-8; other values unchanged. */
    static Object b64d(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return raw;
        }
    }

    @SuppressWarnings("unchecked")
    static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                c.put((String) e.getKey(), deepCopy(e.getValue()));
            }
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object o : l) {
                c.add(deepCopy(o));
            }
            return c;
        }
        return v;
    }
}
