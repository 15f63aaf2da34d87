package io.nubis.runtime.internal.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.nubis.api.target.TargetRoot;

/**
 * Looks user and group names up in the target's own {@code /etc/passwd} and {@code /etc/group}
 * (not the host's), read afresh each time since users may be created during a run. Numeric
 * ids are accepted as they are.
 */
final class TargetIds {
    private TargetIds() {
    }

    /** The uid of a user name or numeric id. */
    static int uid(TargetRoot target, String user) throws IOException {
        return lookup(target, "/etc/passwd", "user", user);
    }

    /** The gid of a group name or numeric id. */
    static int gid(TargetRoot target, String group) throws IOException {
        return lookup(target, "/etc/group", "group", group);
    }

    private static int lookup(TargetRoot target, String file, String kind, String name) throws IOException {
        if (name == null || name.isEmpty()) {
            throw new IOException("empty " + kind + " name");
        }
        if (isNumber(name)) {
            try {
                return Integer.parseInt(name);
            } catch (NumberFormatException e) {
                throw new IOException(kind + " id " + name + " is out of range", e);
            }
        }
        if (!target.exists(file)) {
            throw new IOException("no " + kind + " '" + name + "': the target has no " + file);
        }
        String text = new String(target.read(file), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[0].equals(name) && isNumber(f[2])) {
                try {
                    return Integer.parseInt(f[2]);
                } catch (NumberFormatException e) {
                    throw new IOException(kind + " '" + name + "' has an invalid id in the target's " + file, e);
                }
            }
        }
        throw new IOException("no " + kind + " '" + name + "' in the target's " + file);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
