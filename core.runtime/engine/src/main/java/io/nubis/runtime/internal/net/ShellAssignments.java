package io.nubis.runtime.internal.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code KEY=value} lines as a POSIX shell would split them (single and double quotes, backslash
 * escapes, {@code #} comments), as the reference's {@code load_shell_content}: empty values are
 * left out. Nothing is expanded or run.
 */
final class ShellAssignments {
    private ShellAssignments() {
    }

    /** The assignments; a word without {@code =} or an unclosed quote is an {@link IllegalArgumentException}. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String word : words(text)) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not an assignment: '" + word + "'");
            }
            String value = word.substring(eq + 1);
            if (!value.isEmpty()) {
                out.put(word.substring(0, eq), value);
            }
        }
        return out;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (cur != null) {
                    words.add(cur.toString());
                    cur = null;
                }
                i++;
            } else if (c == '#' && cur == null) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                if (c == '\'') {
                    int end = text.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("no closing quotation");
                    }
                    cur.append(text, i + 1, end);
                    i = end + 1;
                } else if (c == '"') {
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        if (text.charAt(i) == '\\' && i + 1 < n && "\\\"$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                            i++;
                        }
                        cur.append(text.charAt(i));
                        i++;
                    }
                    if (i >= n) {
                        throw new IllegalArgumentException("no closing quotation");
                    }
                    i++;
                } else if (c == '\\' && i + 1 < n) {
                    cur.append(text.charAt(i + 1));
                    i += 2;
                } else {
                    cur.append(c);
                    i++;
                }
            }
        }
        if (cur != null) {
            words.add(cur.toString());
        }
        return words;
    }
}
