package io.nubis.runtime.internal.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dotted key paths such as {@code ntp.servers} for nested mapping keys. A key that is empty or
 * holds a dot, bracket, quote or white space is written {@code ["key.with.dots"]}, so that every
 * path reads back to the keys it was written from.
 */
public final class KeyPath {
    private static final Pattern BARE = Pattern.compile("[^.\\[\\]\"\\\\\\s]+");

    private KeyPath() {
    }

    /** Writes keys as a path. */
    public static String render(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            append(sb, k);
        }
        return sb.toString();
    }

    /** Appends one key to a rendered path. */
    public static String child(String path, String key) {
        StringBuilder sb = new StringBuilder(path);
        append(sb, key);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String k) {
        if (BARE.matcher(k).matches()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(k);
        } else {
            sb.append("[\"").append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
    }

    /**
     * Reads a path back into keys.
     *
     * @throws IllegalArgumentException if the path is malformed
     */
    public static List<String> parse(String path) {
        List<String> keys = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '[') {
                if (i + 1 >= n || path.charAt(i + 1) != '"') {
                    throw new IllegalArgumentException("bad key path '" + path + "' at " + i);
                }
                StringBuilder key = new StringBuilder();
                int j = i + 2;
                boolean closed = false;
                while (j < n) {
                    char d = path.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        key.append(path.charAt(j + 1));
                        j += 2;
                    } else if (d == '"') {
                        closed = j + 1 < n && path.charAt(j + 1) == ']';
                        j += 2;
                        break;
                    } else {
                        key.append(d);
                        j++;
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("bad key path '" + path + "': unclosed [\"");
                }
                keys.add(key.toString());
                i = j;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                    if (i >= n) {
                        throw new IllegalArgumentException("bad key path '" + path + "': ends with '.'");
                    }
                }
            } else {
                int j = i;
                while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                if (j == i) {
                    throw new IllegalArgumentException("bad key path '" + path + "': empty key at " + i);
                }
                keys.add(path.substring(i, j));
                i = j;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                    if (i >= n) {
                        throw new IllegalArgumentException("bad key path '" + path + "': ends with '.'");
                    }
                }
            }
        }
        return keys;
    }
}
