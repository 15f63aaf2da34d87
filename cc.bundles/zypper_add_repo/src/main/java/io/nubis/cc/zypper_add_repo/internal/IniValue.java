package io.nubis.cc.zypper_add_repo.internal;

import java.util.List;

/**
 * Quoting of keys and values the way the reference's INI writer (ConfigObj, list values on)
 * does it, so repository files come out with the same text: plain when safe, double quotes
 * (single if the value holds a double quote) around values with a comma, a {@code #} or
 * surrounding blanks/quotes, and triple quotes around multi-line values.
 */
final class IniValue {
    private static final String WSPACE_PLUS = " \r\n\u000b\t'\"";

    private IniValue() {
    }

    /** The reference's value formatting: booleans as 1/0, lists as continuation lines, others as text. */
    static String format(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) {
                    sb.append("\n    ");
                }
                sb.append(format(o));
            }
            return sb.toString();
        }
        return v == null ? "None" : String.valueOf(v);
    }

    /**
     * Quotes a value or, with {@code multiline} false, a key or section name.
     *
     * @throws IllegalArgumentException if it cannot be quoted safely
     */
    static String quote(String value, boolean multiline) {
        if (value.isEmpty()) {
            return "\"\"";
        }
        boolean needTriple = multiline && ((value.contains("'") && value.contains("\"")) || value.contains("\n"));
        boolean hashTriple = multiline && !needTriple && value.contains("'") && value.contains("\"")
                && value.contains("#");
        String quoted;
        if (!needTriple && !hashTriple) {
            if (value.contains("\n")) {
                throw new IllegalArgumentException("value cannot be safely quoted: it spans lines");
            }
            if (WSPACE_PLUS.indexOf(value.charAt(0)) < 0 && WSPACE_PLUS.indexOf(value.charAt(value.length() - 1)) < 0
                    && !value.contains(",")) {
                quoted = value.contains("#") ? single(value) : value;
            } else {
                quoted = single(value);
            }
        } else {
            if (value.contains("\"\"\"") && value.contains("'''")) {
                throw new IllegalArgumentException("value cannot be safely quoted: it holds both kinds of triple quotes");
            }
            quoted = value.contains("\"\"\"") ? "'''" + value + "'''" : "\"\"\"" + value + "\"\"\"";
        }
        return quoted;
    }

    private static String single(String value) {
        if (value.contains("'") && value.contains("\"")) {
            throw new IllegalArgumentException("value cannot be safely quoted: it holds both kinds of quotes");
        }
        return value.contains("\"") ? "'" + value + "'" : "\"" + value + "\"";
    }
}
