package io.nubis.cc.ssh.internal;

import java.util.Set;

/**
 * One line of an authorized_keys file, parsed the way the reference (and OpenSSH's
 * {@code auth2-pubkey.c}) does: an optional comma-separated options field (spaces only inside
 * double quotes), a key type, the base64 key and an optional comment. Lines that do not parse
 * (comments, blanks, garbage) keep their source text.
 */
record AuthKeyLine(String source, String keytype, String base64, String comment, String options) {

    /** Key types accepted in authorized_keys (the reference's list, from OpenSSH's sshkey.c). */
    static final Set<String> VALID_KEY_TYPES = Set.of(
            "dsa", "rsa", "ecdsa", "ed25519",
            "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "ecdsa-sha2-nistp521",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com",
            "ssh-dss-cert-v01@openssh.com", "ssh-dss",
            "ssh-ed25519-cert-v01@openssh.com", "ssh-ed25519",
            "ssh-rsa-cert-v01@openssh.com", "ssh-rsa",
            "ssh-xmss-cert-v01@openssh.com", "ssh-xmss@openssh.com");

    /** True if the line holds a key. */
    boolean valid() {
        return keytype != null && base64 != null;
    }

    /** The line as written back: {@code [options] type base64 [comment]}, or the source text. */
    String render() {
        if (!valid()) {
            return source;
        }
        StringBuilder sb = new StringBuilder();
        if (options != null && !options.isEmpty()) {
            sb.append(options).append(' ');
        }
        sb.append(keytype).append(' ').append(base64);
        if (comment != null && !comment.isEmpty()) {
            sb.append(' ').append(comment);
        }
        return sb.toString();
    }

    /** The same key with other options (null or empty: the key's own options are kept). */
    AuthKeyLine withOptions(String opts) {
        if (opts == null || opts.isEmpty() || !valid()) {
            return this;
        }
        return new AuthKeyLine(source, keytype, base64, comment, opts);
    }

    /** Parses a line. */
    static AuthKeyLine parse(String src) {
        String line = src.replaceAll("[\r\n]+$", "");
        String ent = line.strip();
        if (ent.isEmpty() || ent.startsWith("#")) {
            return new AuthKeyLine(src, null, null, null, null);
        }
        String[] k = key(ent);
        if (k != null) {
            return new AuthKeyLine(src, k[0], k[1], k[2], null);
        }
        int i = optionsEnd(ent);
        String opts = ent.substring(0, i);
        k = key(ent.substring(i).stripLeading());
        if (k == null) {
            return new AuthKeyLine(src, null, null, null, null);
        }
        return new AuthKeyLine(src, k[0], k[1], k[2], opts);
    }

    private static String[] key(String ent) {
        String[] t = ent.split("\\s+", 3);
        if (t.length < 2 || !VALID_KEY_TYPES.contains(t[0])) {
            return null;
        }
        return new String[] {t[0], t[1], t.length == 3 ? t[2] : ""};
    }

    /** End of the options field: the first blank outside double quotes ({@code \"} escapes a quote). */
    private static int optionsEnd(String ent) {
        boolean quoted = false;
        int i = 0;
        while (i < ent.length() && (quoted || (ent.charAt(i) != ' ' && ent.charAt(i) != '\t'))) {
            char c = ent.charAt(i);
            if (c == '\\' && i + 1 < ent.length() && ent.charAt(i + 1) == '"') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
            i++;
        }
        return i;
    }
}
