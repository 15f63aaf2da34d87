package io.nubis.api.target;

/**
 * Mode and ownership for a file the agent writes.
 *
 * @param mode  permission bits ({@code 0644})
 * @param owner user name or id inside the target, null for the current owner
 * @param group group name or id inside the target, null for the current group
 */
public record FileAttributes(int mode, String owner, String group) {
    /** 0644, owned by the running user. */
    public static final FileAttributes PUBLIC = new FileAttributes(0644, null, null);
    /** 0600, owned by the running user: for anything that may hold a secret. */
    public static final FileAttributes PRIVATE = new FileAttributes(0600, null, null);
    /** 0755, owned by the running user: for scripts. */
    public static final FileAttributes EXECUTABLE = new FileAttributes(0755, null, null);

    /** The same ownership with another mode. */
    public FileAttributes withMode(int newMode) {
        return new FileAttributes(newMode, owner, group);
    }

    /** Mode only. */
    public static FileAttributes mode(int mode) {
        return new FileAttributes(mode, null, null);
    }
}
