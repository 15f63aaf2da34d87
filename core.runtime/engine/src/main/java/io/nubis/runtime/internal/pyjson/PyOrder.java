package io.nubis.runtime.internal.pyjson;

import java.util.Comparator;

/**
 * Python's ordering of {@code str}: by code point. (Java's {@code String.compareTo} compares UTF-16
 * units, which puts characters above U+FFFF before U+E000-U+FFFF.) Used wherever Nubis sorts as the
 * reference does: {@code sorted()} file names, {@code sort_keys} JSON, YAML key order.
 */
public final class PyOrder {
    /** The comparator. */
    public static final Comparator<String> CODE_POINTS = PyOrder::compare;

    private PyOrder() {
    }

    /** Compares two strings by code point. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
