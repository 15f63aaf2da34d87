package io.nubis.runtime.internal.userdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parameters of a structured header ({@code attachment; filename="a b"}), RFC 2231 values decoded. */
final class HeaderParams {
    private HeaderParams() {
    }

    /** Parameter names (lower case) to values; a later duplicate does not replace the first. */
    static Map<String, String> parse(String headerValue) {
        Map<String, String> out = new LinkedHashMap<>();
        if (headerValue == null) {
            return out;
        }
        String s = headerValue;
        int i = s.indexOf(';');
        while (i >= 0 && i < s.length()) {
            i++;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            int semi = s.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                i = semi;
                continue;
            }
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int v = eq + 1;
            while (v < s.length() && Character.isWhitespace(s.charAt(v))) {
                v++;
            }
            StringBuilder value = new StringBuilder();
            if (v < s.length() && s.charAt(v) == '"') {
                v++;
                while (v < s.length() && s.charAt(v) != '"') {
                    char c = s.charAt(v);
                    if (c == '\\' && v + 1 < s.length()) {
                        v++;
                        c = s.charAt(v);
                    }
                    value.append(c);
                    v++;
                }
                i = s.indexOf(';', v);
            } else {
                int end = s.indexOf(';', v);
                value.append((end < 0 ? s.substring(v) : s.substring(v, end)).strip());
                i = end;
            }
            if (name.endsWith("*")) {
                name = name.substring(0, name.length() - 1);
                out.putIfAbsent(name, decode2231(value.toString()));
            } else {
                out.putIfAbsent(name, value.toString());
            }
            if (i < 0) {
                break;
            }
        }
        return out;
    }

    /** {@code utf-8'en'na%20me} to {@code na me}; undecodable input is returned as it is. */
    private static String decode2231(String v) {
        int q1 = v.indexOf('\'');
        int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return v;
        }
        Charset cs;
        try {
            cs = q1 == 0 ? StandardCharsets.US_ASCII : Charset.forName(v.substring(0, q1));
        } catch (RuntimeException e) {
            return v;
        }
        String enc = v.substring(q2 + 1);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '%' && i + 2 < enc.length()
                    && Character.digit(enc.charAt(i + 1), 16) >= 0 && Character.digit(enc.charAt(i + 2), 16) >= 0) {
                b.write(Character.digit(enc.charAt(i + 1), 16) * 16 + Character.digit(enc.charAt(i + 2), 16));
                i += 2;
            } else {
                b.write(c & 0xff);
            }
        }
        return new String(b.toByteArray(), cs);
    }
}
