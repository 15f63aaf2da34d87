package io.nubis.cc.ssh.internal;

import io.nubis.api.target.TargetRoot;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Users and groups of the target, read from its {@code /etc/passwd} and {@code /etc/group}. */
final class Accounts {
    /** A passwd entry. */
    record Account(String name, String uid, String gid, String home) {
    }

    private final Map<String, Account> users = new HashMap<>();
    private final Map<String, String> groupsById = new HashMap<>();
    private final Map<String, String> groupsByName = new HashMap<>();

    private Accounts() {
    }

    static Accounts read(TargetRoot target) throws IOException {
        Accounts a = new Accounts();
        for (String line : target.readString("/etc/passwd").orElse("").split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 6 && !f[0].isEmpty() && !f[0].startsWith("#")) {
                a.users.putIfAbsent(f[0], new Account(f[0], f[2], f[3], f[5]));
            }
        }
        for (String line : target.readString("/etc/group").orElse("").split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !f[0].isEmpty() && !f[0].startsWith("#")) {
                a.groupsById.putIfAbsent(f[2], f[0]);
                a.groupsByName.putIfAbsent(f[0], f[2]);
            }
        }
        return a;
    }

    Optional<Account> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /** Group name for a gid, or the gid itself when the group file lacks it. */
    String groupName(String gid) {
        return groupsById.getOrDefault(gid, gid);
    }

    boolean hasGroup(String name) {
        return groupsByName.containsKey(name);
    }
}
