package io.nubis.api.distro;

import java.util.List;

/**
 * A user to create, with the reference's {@code users} keys that user tools act on.
 *
 * @param name          login name
 * @param gecos         real name, or null
 * @param homedir       home directory, or null for the tool's default
 * @param primaryGroup  primary group, or null
 * @param groups        supplementary groups
 * @param shell         login shell, or null
 * @param uid           numeric uid, or null
 * @param system        a system account
 * @param noCreateHome  do not create the home directory
 * @param noUserGroup   do not create a group named after the user
 * @param expiredate    account expiry (YYYY-MM-DD), or null
 * @param inactive      days after password expiry until the account is disabled, or null
 * @param passwdHash    hashed password to set, or null (sensitive: never logged)
 */
public record UserSpec(String name, String gecos, String homedir, String primaryGroup,
        List<String> groups, String shell, Integer uid, boolean system, boolean noCreateHome,
        boolean noUserGroup, String expiredate, String inactive, String passwdHash) {

    /** Copies the group list. */
    public UserSpec {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A plain user with tool defaults. */
    public static UserSpec named(String name) {
        return new UserSpec(name, null, null, null, List.of(), null, null, false, false, false, null, null,
                null);
    }
}
