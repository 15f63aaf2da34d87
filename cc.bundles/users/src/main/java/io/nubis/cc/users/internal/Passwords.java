package io.nubis.cc.users.internal;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Random passwords and hash detection as the reference's {@code cc_set_passwords} has them. */
final class Passwords {
    /** Letters and digits without the easily confused {@code l o L O I 0 1}. */
    static final String ALPHABET;
    /** Length of a random password. */
    static final int LENGTH = 20;
    /**
     * crypt(3) hashes: the reference's {@code $1$ $2a$ $2y$ $5$ $6$} plus {@code $2b$}, yescrypt
     * {@code $y$}, {@code $gy$} and scrypt {@code $7$}, which current distros produce.
     */
    private static final Pattern HASH = Pattern.compile("^\\$(1|2a|2b|2x|2y|5|6|7|y|gy)(\\$.+){2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        StringBuilder sb = new StringBuilder();
        String all = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (char c : all.toCharArray()) {
            if ("loLOI01".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        ALPHABET = sb.toString();
    }

    private Passwords() {
    }

    /** A new random password. */
    static String random() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Whether a {@code chpasswd.list} password is a hash (never for values with ':'). */
    static boolean isHash(String p) {
        return HASH.matcher(p).find() && p.indexOf(':') < 0;
    }
}
