package io.nubis.adapter.sudo.internal;

import io.nubis.api.target.TargetRoot;

/**
 * Where sudo reads its rules in the target: {@code /etc/sudoers} on Linux, and
 * {@code /usr/local/etc/sudoers} where sudo comes from FreeBSD ports (or will, when the
 * target is FreeBSD and sudo is not installed yet).
 *
 * @param base   the sudoers file
 * @param dir    the drop-in directory
 * @param vendor a read-only vendor sudoers used when {@code base} is absent (openSUSE's
 *               {@code /usr/etc/sudoers}), or null
 */
record SudoersLocation(String base, String dir, String vendor) {
    static final SudoersLocation LINUX = new SudoersLocation("/etc/sudoers", "/etc/sudoers.d", "/usr/etc/sudoers");
    static final SudoersLocation LOCAL = new SudoersLocation("/usr/local/etc/sudoers", "/usr/local/etc/sudoers.d", null);

    static SudoersLocation of(TargetRoot target) {
        if (target.exists(LINUX.base())) {
            return LINUX;
        }
        if (target.exists(LOCAL.base()) || target.exists("/usr/local/bin/sudo") || target.exists("/bin/freebsd-version")) {
            return LOCAL;
        }
        return LINUX;
    }
}
