package io.nubis.cc.write_files.internal;

import org.slf4j.Logger;

/**
 * The reference's {@code decode_perms}: a number is taken as the mode itself (YAML {@code 0644}
 * is octal, so 420, so 0644; but YAML {@code 644} is the decimal 644, which is mode 01204), a
 * string is parsed as octal ({@code "0644"}, {@code "644"}, {@code "0o644"}); anything else is
 * logged and the default is used. Nubis adds a warning for the decimal trap and rejects modes
 * outside 0..07777.
 */
final class Permissions {
    private Permissions() {
    }

    /**
     * @param key      the key path for messages ({@code write_files[2].permissions})
     * @param value    the YAML value, or null
     * @param fallback mode used when the value is missing or undecodable
     * @throws IllegalArgumentException if the decoded mode is outside 0..07777
     */
    static int decode(Logger log, String key, Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        int mode;
        if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
            long l = n.longValue();
            mode = check(key, l);
            String dec = Long.toString(l);
            if (l > 0777 && dec.chars().allMatch(c -> c >= '0' && c <= '7')) {
                log.warn("{}: the number {} is taken as a decimal mode ({} octal); write '0{}' (quoted) for octal {}",
                        key, dec, Integer.toOctalString(mode), dec, dec);
            }
            return mode;
        }
        if (value instanceof Double || value instanceof Float) {
            return check(key, (long) ((Number) value).doubleValue());
        }
        if (value instanceof String s) {
            String t = s.trim().replace("_", "");
            if (t.startsWith("0o") || t.startsWith("0O")) {
                t = t.substring(2);
            }
            try {
                return check(key, Long.parseLong(t, 8));
            } catch (NumberFormatException e) {
                // fall through to the warning
            }
        }
        log.warn("{}: undecodable permissions {}, using the default {}", key, value, Integer.toOctalString(fallback));
        return fallback;
    }

    private static int check(String key, long mode) {
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException(key + ": mode " + Long.toOctalString(mode)
                    + " (octal) is outside 0..7777");
        }
        return (int) mode;
    }
}
