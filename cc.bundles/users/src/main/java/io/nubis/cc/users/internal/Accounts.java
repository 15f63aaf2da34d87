package io.nubis.cc.users.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.nubis.api.target.TargetRoot;

/**
 * The target's account databases as read from its files: {@code /etc/passwd}, {@code /etc/group}
 * and the password file ({@code /etc/shadow}, or {@code /etc/master.passwd} where there is no
 * shadow file, as on the BSDs). Users and groups created during this run are remembered, so the
 * run stays consistent when commands are only planned.
 */
final class Accounts {
    /** A passwd entry. */
    record Passwd(String name, String uid, String gid, String home) {
    }

    private final TargetRoot target;
    private final Map<String, Passwd> passwd = new HashMap<>();
    private final Map<String, Set<String>> groupMembers = new HashMap<>();
    private final Map<String, String> groupByGid = new HashMap<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Set<String> createdUsers = new HashSet<>();
    private final Set<String> createdGroups = new HashSet<>();

    Accounts(TargetRoot target) throws IOException {
        this.target = target;
        reload();
    }

    /** Reads the files again (after commands changed them). */
    void reload() throws IOException {
        passwd.clear();
        groupMembers.clear();
        groupByGid.clear();
        passwords.clear();
        for (String[] f : records("/etc/passwd")) {
            if (f.length >= 6) {
                passwd.put(f[0], new Passwd(f[0], f[2], f[3], f[5]));
            }
        }
        for (String[] f : records("/etc/group")) {
            if (f.length >= 3) {
                Set<String> m = new LinkedHashSet<>();
                if (f.length >= 4) {
                    for (String s : f[3].split(",")) {
                        if (!s.isBlank()) {
                            m.add(s.strip());
                        }
                    }
                }
                groupMembers.put(f[0], m);
                groupByGid.putIfAbsent(f[2], f[0]);
            }
        }
        String pwFile = target.exists("/etc/shadow") || !target.exists("/etc/master.passwd") ? "/etc/shadow"
                : "/etc/master.passwd";
        for (String[] f : records(pwFile)) {
            if (f.length >= 2) {
                passwords.put(f[0], f[1]);
            }
        }
    }

    private List<String[]> records(String path) throws IOException {
        Optional<String> text = target.readString(path);
        if (text.isEmpty()) {
            return List.of();
        }
        return text.get().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(":", -1)).toList();
    }

    /** True if the user is in /etc/passwd or was created in this run. */
    boolean userExists(String name) {
        return passwd.containsKey(name) || createdUsers.contains(name);
    }

    /** True if the user is in the target's /etc/passwd. */
    boolean inPasswd(String name) {
        return passwd.containsKey(name);
    }

    /** The user's passwd entry. */
    Optional<Passwd> entry(String name) {
        return Optional.ofNullable(passwd.get(name));
    }

    /** True if the group is in /etc/group or was created in this run. */
    boolean groupExists(String name) {
        return groupMembers.containsKey(name) || createdGroups.contains(name);
    }

    /** Whether {@code user} is in {@code group}, as a listed member or by primary gid. */
    boolean isMember(String user, String group) {
        Set<String> m = groupMembers.get(group);
        if (m != null && m.contains(user)) {
            return true;
        }
        Passwd p = passwd.get(user);
        return p != null && group.equals(groupByGid.get(p.gid()));
    }

    /** Group name for a gid, if known. */
    Optional<String> groupName(String gid) {
        return Optional.ofNullable(groupByGid.get(gid));
    }

    /** The password field of the user's entry in the password file, if any. */
    Optional<String> password(String user) {
        return Optional.ofNullable(passwords.get(user));
    }

    void created(String user) {
        createdUsers.add(user);
    }

    void createdGroup(String group) {
        createdGroups.add(group);
    }

    void addedMember(String user, String group) {
        groupMembers.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(user);
    }

    /**
     * Whether the password field allows no password login: empty, or a lock marker with nothing
     * behind it ({@code !}, {@code *}, {@code *LOCKED*}), like the reference's empty-password
     * patterns for shadow and master.passwd.
     */
    static boolean emptyPassword(String field) {
        String f = field;
        if (f.startsWith("*LOCKED*")) {
            f = f.substring("*LOCKED*".length());
        }
        while (f.startsWith("!")) {
            f = f.substring(1);
        }
        return f.isEmpty() || f.equals("*");
    }

    /** Whether the password field is locked: a leading {@code !}, {@code *} or {@code *LOCKED*}. */
    static boolean locked(String field) {
        return field.startsWith("!") || field.startsWith("*");
    }
}
