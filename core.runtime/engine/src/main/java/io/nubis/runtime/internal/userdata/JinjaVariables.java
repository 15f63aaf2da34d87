package io.nubis.runtime.internal.userdata;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Template variables from instance data, as the reference's {@code convert_jinja_instance_data}
 * builds them: keys visited in sorted order; the children of every {@code v<N>} mapping copied to
 * the level above ({@code {{ instance_id }}} is {@code {{ v1.instance_id }}}); an alias with
 * {@code _} for every key holding a Jinja operator ({@code local-hostname} →
 * {@code local_hostname}, {@code v1.0} → {@code v1_0}); values listed in
 * {@code base64_encoded_keys} decoded.
 *
 * <p>Deviation: the reference looks the decode list up under {@code base64-encoded-keys}, a key
 * instance data never has, so it never decodes (its quirk 7); Nubis reads
 * {@code base64_encoded_keys}, the key it writes, and decodes values that are valid base64 of
 * UTF-8 text.
 */
final class JinjaVariables {
    /** Jinja's operators: each occurrence in a key becomes {@code _} in its alias. */
    private static final Pattern OPERATOR = Pattern.compile(
            "//|\\*\\*|==|!=|>=|<=|[+\\-/*%~\\[\\](){}<>=.:|,;]");
    private static final Pattern VERSION_KEY = Pattern.compile("v\\d+");

    private JinjaVariables() {
    }

    /** The variables for templates from instance-data (sensitive) as parsed JSON. */
    static Map<String, Object> from(Map<String, ?> instanceData) {
        Set<String> decode = new HashSet<>();
        for (String key : List.of("base64_encoded_keys", "base64-encoded-keys")) {
            if (instanceData.get(key) instanceof List<?> l) {
                for (Object o : l) {
                    if (o != null) {
                        decode.add(o.toString().replace('-', '_'));
                    }
                }
            }
        }
        return convert(instanceData, "", decode);
    }

    private static Map<String, Object> convert(Map<?, ?> data, String prefix, Set<String> decode) {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> e : data.entrySet()) {
            sorted.put(String.valueOf(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            String path = prefix.isEmpty() ? key : prefix + "/" + key;
            if (decode.contains(path.replace('-', '_'))) {
                value = b64d(value);
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> converted = convert(m, path, decode);
                result.put(key, converted);
                if (VERSION_KEY.matcher(key).matches()) {
                    for (Map.Entry<String, Object> c : converted.entrySet()) {
                        result.put(c.getKey(), deepCopy(c.getValue()));
                    }
                }
            } else {
                result.put(key, deepCopy(value));
            }
            String alias = OPERATOR.matcher(key).replaceAll("_");
            if (!alias.equals(key)) {
                result.put(alias, deepCopy(result.get(key)));
            }
        }
        return result;
    }

    private static Object b64d(Object value) {
        if (!(value instanceof String s)) {
            return value;
        }
        try {
            String text = Text.strictUtf8(Base64.getMimeDecoder().decode(s));
            return text != null ? text : value;
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Object deepCopy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put(String.valueOf(k), deepCopy(x)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>(l.size());
            for (Object x : l) {
                c.add(deepCopy(x));
            }
            return c;
        }
        return v;
    }
}
