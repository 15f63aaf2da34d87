package io.nubis.api.distro;

import java.util.List;
import java.util.Map;

import io.nubis.api.exec.Command;

/** User and group tools (shadow-utils, busybox adduser/addgroup, FreeBSD pw). */
public interface UserManager {
    /** Commands that create the user with every attribute the spec sets. */
    List<Command> addUser(UserSpec user);

    /** Creates a group. */
    Command addGroup(String group, boolean system);

    /** Adds an existing user to an existing group. */
    Command addToGroup(String user, String group);

    /** Locks the password (the account stays usable with keys). */
    Command lockPassword(String user);

    /** Unlocks the password. */
    Command unlockPassword(String user);

    /** Sets passwords: plain text or hashed ({@code $id$...}); the command is sensitive. */
    Command setPasswords(Map<String, String> passwords, boolean hashed);

    /** Forces a password change at next login. */
    Command expirePassword(String user);
}
