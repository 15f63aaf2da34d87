package io.nubis.adapter.networkd.internal;

import java.util.List;
import java.util.Locale;

/** Config values as the reference's Python prints and reads them. */
final class PyText {
    private PyText() {
    }

    /** {@code str(value)}: booleans as {@code True}/{@code False}. */
    static String str(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    /** The reference's {@code is_true}: a boolean, or true/1/on/yes in any case. */
    static boolean isTrue(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return v != null && List.of("true", "1", "on", "yes").contains(v.toString().toLowerCase(Locale.ROOT).trim());
    }

    /** A systemd boolean for a config value: {@code yes} if the reference reads it as true, else {@code no}. */
    static String yesNo(Object v) {
        return isTrue(v) ? "yes" : "no";
    }
}
