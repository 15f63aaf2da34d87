package io.nubis.api.distro;

/** The selected distro profile wired to its adapters; what modules see of the distro. */
public interface Distro {
    /** The profile. */
    DistroProfile profile();

    /** Init-system service control. */
    InitSystem initSystem();

    /** sudo or doas rules. */
    PrivilegeRules privilege();

    /** Device-manager hooks. */
    DeviceManager devices();

    /** Package manager. */
    PackageManager packages();

    /** User and group tools. */
    UserManager users();

    /** Filesystem layout. */
    FilesystemLayout layout();
}
