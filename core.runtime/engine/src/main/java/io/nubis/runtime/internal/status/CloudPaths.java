package io.nubis.runtime.internal.status;

/**
 * The reference's fixed paths inside the target, as {@code cloudinit.helpers.Paths} has them by
 * default ({@code system_info.paths} overrides are not read: the commands that use these run on
 * the start-up path and must not parse the system config).
 */
public final class CloudPaths {
    /** Run directory ({@code paths.run_dir}). */
    public static final String RUN_DIR = "/run/cloud-init";
    /** Cloud directory ({@code paths.cloud_dir}). */
    public static final String CLOUD_DIR = "/var/lib/cloud";
    /** Link to the current instance directory. */
    public static final String INSTANCE_LINK = CLOUD_DIR + "/instance";
    /** Marker file that disables the agent. */
    public static final String DISABLED_FILE = "/etc/cloud/cloud-init.disabled";
    /** Default log file ({@code def_log_file}). */
    public static final String LOG_FILE = "/var/log/cloud-init.log";

    private CloudPaths() {
    }

    /** A file in the run directory. */
    public static String run(String name) {
        return RUN_DIR + "/" + name;
    }

    /** A file in the current instance directory. */
    public static String instance(String name) {
        return INSTANCE_LINK + "/" + name;
    }
}
