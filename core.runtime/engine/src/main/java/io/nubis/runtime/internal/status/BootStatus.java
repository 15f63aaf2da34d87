package io.nubis.runtime.internal.status;

/** Why the agent is enabled or disabled on this boot ({@code boot_status_code}). */
public enum BootStatus {
    DISABLED_BY_GENERATOR("disabled-by-generator"),
    DISABLED_BY_KERNEL_CMDLINE("disabled-by-kernel-cmdline"),
    DISABLED_BY_MARKER_FILE("disabled-by-marker-file"),
    DISABLED_BY_ENV_VARIABLE("disabled-by-environment-variable"),
    ENABLED_BY_GENERATOR("enabled-by-generator"),
    ENABLED_BY_KERNEL_CMDLINE("enabled-by-kernel-cmdline"),
    ENABLED_BY_SYSVINIT("enabled-by-sysvinit"),
    UNKNOWN("unknown");

    private final String code;

    BootStatus(String code) {
        this.code = code;
    }

    /** The code as printed. */
    public String code() {
        return code;
    }

    /** True for the codes that mean the agent does not run on this boot. */
    public boolean disabled() {
        return name().startsWith("DISABLED");
    }
}
