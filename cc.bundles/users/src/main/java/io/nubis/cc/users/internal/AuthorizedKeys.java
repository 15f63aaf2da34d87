package io.nubis.cc.users.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * authorized_keys lines as the reference's {@code ssh_util} reads and merges them: a line is a
 * key when it has a known key type and a base64 blob, optionally after an options field; a new
 * key replaces an old line with the same blob, other new keys are appended, comments and lines
 * that are not keys are kept as they are, and new lines that are not keys are dropped.
 */
final class AuthorizedKeys {
    /** Key types ssh-keygen and sshd know, as the reference lists them. */
    static final Set<String> KEY_TYPES = Set.of("dsa", "ecdsa", "ed25519", "rsa",
            "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
            "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "rsa-sha2-256", "rsa-sha2-256-cert-v01@openssh.com",
            "rsa-sha2-512", "rsa-sha2-512-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com",
            "ssh-dss", "ssh-dss-cert-v01@openssh.com", "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com",
            "ssh-rsa", "ssh-rsa-cert-v01@openssh.com", "ssh-xmss@openssh.com", "ssh-xmss-cert-v01@openssh.com");

    /**
     * The options the reference puts in front of the cloud's keys for a user whose logins are
     * redirected to the default user ({@code $USER} and {@code $DISABLE_USER} replaced).
     */
    static final String DISABLE_USER_OPTS = "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,"
            + "command=\"echo 'Please login as the user \\\"$USER\\\" rather than the user "
            + "\\\"$DISABLE_USER\\\".';echo;sleep 10;exit 142\"";

    /** One line: a key (type and blob set) or anything else (kept verbatim). */
    record Line(String raw, String options, String type, String blob, String comment) {
        boolean isKey() {
            return type != null && blob != null;
        }

        String render() {
            if (!isKey()) {
                return raw;
            }
            List<String> toks = new ArrayList<>();
            for (String t : new String[] {options, type, blob, comment}) {
                if (t != null && !t.isEmpty()) {
                    toks.add(t);
                }
            }
            return String.join(" ", toks);
        }
    }

    private AuthorizedKeys() {
    }

    /** Parses a line; {@code options}, if not null, replaces the line's own options. */
    static Line parse(String src, String options) {
        String line = stripEol(src);
        if (line.startsWith("#") || line.isBlank()) {
            return new Line(line, null, null, null, null);
        }
        String ent = line.strip();
        String[] key = keyFields(ent);
        if (key == null) {
            String[] optsRest = extractOptions(ent);
            if (options == null) {
                options = optsRest[0];
            }
            key = keyFields(optsRest[1]);
            if (key == null) {
                return new Line(line, null, null, null, null);
            }
        }
        return new Line(line, options, key[0], key[1], key[2]);
    }

    private static String stripEol(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** type, blob, comment; or null if {@code ent} does not start with a known key type and a blob. */
    private static String[] keyFields(String ent) {
        String[] toks = ent.strip().split("\\s+", 3);
        if (toks.length < 2 || !KEY_TYPES.contains(toks[0])) {
            return null;
        }
        return new String[] {toks[0], toks[1], toks.length == 3 ? toks[2] : ""};
    }

    /** The options field (up to the first blank outside quotes) and the rest. */
    private static String[] extractOptions(String ent) {
        boolean quoted = false;
        int i = 0;
        while (i < ent.length() && (quoted || (ent.charAt(i) != ' ' && ent.charAt(i) != '\t'))) {
            char c = ent.charAt(i);
            if (i + 1 >= ent.length()) {
                i++;
                break;
            }
            char next = ent.charAt(i + 1);
            if (c == '\\' && next == '"') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
            i++;
        }
        return new String[] {ent.substring(0, i), ent.substring(i).stripLeading()};
    }

    /**
     * The new file content: {@code existing} lines with keys whose blob matches a new key
     * replaced by it, then the remaining new keys; ends with a newline unless empty.
     */
    static String merge(String existing, List<Line> newKeys) {
        List<Line> toAdd = new ArrayList<>();
        for (Line k : newKeys) {
            if (k.isKey() && toAdd.stream().noneMatch(x -> x.blob().equals(k.blob()) && x.render().equals(k.render()))) {
                toAdd.add(k);
            }
        }
        List<String> out = new ArrayList<>();
        for (String raw : existing.isEmpty() ? List.<String>of() : existing.lines().toList()) {
            Line old = parse(raw, null);
            if (old.isKey()) {
                for (Line k : newKeys) {
                    if (k.isKey() && k.blob().equals(old.blob())) {
                        old = k;
                        toAdd.remove(k);
                    }
                }
            }
            out.add(old.render());
        }
        for (Line k : toAdd) {
            out.add(k.render());
        }
        out.add("");
        return String.join("\n", out);
    }
}
