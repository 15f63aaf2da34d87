package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code name=value} line of rc.conf, starting at the first column as the reference's and
 * sysrc(8)'s editors expect. The value is read as sh reads a single word: double-quoted,
 * single-quoted or bare, followed by nothing but blanks and an optional {@code #} comment (the
 * {@link #tail()}, kept when the value is replaced).
 *
 * @param key      variable name
 * @param raw      the value as written between its quotes (sh expansions untouched), or the
 *                 whole text after {@code =} when the line is not one plain word
 * @param expands  true if {@code raw} must stay inside double quotes to mean the same
 *                 ({@code $var}, backquotes, escapes, or a line that is not one plain word)
 * @param tail     blanks and comment after the value, or empty
 */
record RcAssignment(String key, String raw, boolean expands, String tail) {
    private static final Pattern LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");
    private static final Pattern TAIL = Pattern.compile("(?:[ \\t]+(?:#.*)?)?");

    /** The assignment on {@code line}, or null if the line is no assignment. */
    static RcAssignment parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String key = m.group(1);
        String rest = m.group(2);
        int end;
        String raw;
        boolean expands;
        if (rest.startsWith("\"")) {
            end = closingDoubleQuote(rest);
            raw = end < 0 ? null : rest.substring(1, end);
            expands = raw != null && (raw.contains("$") || raw.contains("`") || raw.contains("\\"));
            end++;
        } else if (rest.startsWith("'")) {
            end = rest.indexOf('\'', 1);
            raw = end < 0 ? null : rest.substring(1, end);
            expands = false;
            end++;
        } else {
            end = 0;
            while (end < rest.length() && rest.charAt(end) != ' ' && rest.charAt(end) != '\t') {
                end++;
            }
            raw = rest.substring(0, end);
            expands = raw.matches(".*[$`\\\\\"';&|<>()].*");
        }
        if (raw == null || !TAIL.matcher(rest.substring(Math.min(end, rest.length()))).matches()) {
            return new RcAssignment(key, rest, true, "");
        }
        return new RcAssignment(key, raw, expands, rest.substring(end));
    }

    private static int closingDoubleQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The whitespace-separated words of the value (for the shared list keys). */
    List<String> words() {
        List<String> out = new ArrayList<>();
        for (String w : raw.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** This line with a new plain value, quoted as the reference quotes it, comment kept. */
    String with(String value) {
        return key + "=" + ShellQuote.quote(value) + tail;
    }

    /**
     * This line with a new list of words; words taken from a value that expands stay in
     * double quotes so that the shell still expands them.
     */
    String withWords(List<String> words) {
        String joined = String.join(" ", words);
        return expands ? key + "=\"" + joined + "\"" + tail : with(joined);
    }
}
