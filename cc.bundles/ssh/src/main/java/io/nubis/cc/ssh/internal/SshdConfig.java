package io.nubis.cc.ssh.internal;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An sshd_config file as lines, edited in place: keywords are matched case-insensitively,
 * unchanged lines are kept byte for byte, and nothing inside a {@code Match} block is touched
 * (a new global setting goes before the first {@code Match}, where sshd reads it as global).
 */
final class SshdConfig {
    /** The main server configuration. */
    static final String MAIN = "/etc/ssh/sshd_config";
    /** The drop-in the reference writes when the main file includes sshd_config.d. */
    static final String DROP_IN = "/etc/ssh/sshd_config.d/50-cloud-init.conf";

    private final List<String> lines;

    private SshdConfig(List<String> lines) {
        this.lines = lines;
    }

    static SshdConfig parse(String text) {
        List<String> l = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return new SshdConfig(l);
    }

    /** The file's text, ending with a newline. */
    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Keyword and value of a line, or null for blank lines and comments. */
    static String[] keyValue(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        String key = s.substring(0, i);
        String rest = s.substring(i).strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).strip();
        }
        return new String[] {key, rest};
    }

    /** Index of the first {@code Match} line, or the number of lines. */
    private int globalEnd() {
        for (int i = 0; i < lines.size(); i++) {
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equalsIgnoreCase("match")) {
                return i;
            }
        }
        return lines.size();
    }

    /** The first global value of a keyword (sshd uses the first one it reads). */
    Optional<String> first(String key) {
        int end = globalEnd();
        for (int i = 0; i < end; i++) {
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equalsIgnoreCase(key)) {
                return Optional.of(kv[1]);
            }
        }
        return Optional.empty();
    }

    /**
     * Sets a global keyword: every global line with it gets the value; if there is none, a line
     * is added before the first {@code Match}. Returns true if the text changed.
     */
    boolean set(String key, String value) {
        int end = globalEnd();
        boolean found = false;
        boolean changed = false;
        for (int i = 0; i < end; i++) {
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equalsIgnoreCase(key)) {
                found = true;
                if (!kv[1].equals(value)) {
                    lines.set(i, kv[0] + " " + value);
                    changed = true;
                }
            }
        }
        if (!found) {
            lines.add(end, key + " " + value);
            changed = true;
        }
        return changed;
    }

    /** Adds a global line for a multi-valued keyword unless the same value is already there. */
    boolean add(String key, String value) {
        int end = globalEnd();
        for (int i = 0; i < end; i++) {
            String[] kv = keyValue(lines.get(i));
            if (kv != null && kv[0].equalsIgnoreCase(key) && kv[1].equals(value)) {
                return false;
            }
        }
        lines.add(end, key + " " + value);
        return true;
    }

    /** True if a global {@code Include} pattern of this file covers {@link #DROP_IN}. */
    boolean includesDropIn() {
        int end = globalEnd();
        for (int i = 0; i < end; i++) {
            String[] kv = keyValue(lines.get(i));
            if (kv == null || !kv[0].equalsIgnoreCase("include")) {
                continue;
            }
            for (String arg : kv[1].split("\\s+")) {
                String abs = arg.startsWith("/") ? arg : "/etc/ssh/" + arg;
                if (glob(abs).matcher(DROP_IN).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A glob(7) pattern ({@code *}, {@code ?}, {@code [...]}; no match across {@code /}) as a regex. */
    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = g.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String set = g.substring(i + 1, close);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /**
     * Applies an edit to the file cloud-init settings belong in: {@link #DROP_IN} (created 0600)
     * when the main file includes it, the main file otherwise (mode and owner kept). Writes only
     * on change; returns whether it changed.
     */
    static boolean edit(TargetRoot target, Edit edit) throws IOException {
        String main = target.readString(MAIN).orElse("");
        boolean dropIn = parse(main).includesDropIn();
        String file = dropIn ? DROP_IN : MAIN;
        Optional<String> current = target.readString(file);
        SshdConfig cfg = parse(current.orElse(""));
        if (!edit.apply(cfg)) {
            return false;
        }
        FileAttributes attrs = null;
        if (current.isEmpty()) {
            attrs = dropIn ? new FileAttributes(0600, "0", "0") : new FileAttributes(0644, "0", "0");
        }
        if (dropIn) {
            target.mkdirs("/etc/ssh/sshd_config.d", 0755);
        }
        target.writeString(file, cfg.text(), attrs);
        return true;
    }

    /** One change to a config; returns true if it changed something. */
    interface Edit {
        boolean apply(SshdConfig cfg);
    }
}
