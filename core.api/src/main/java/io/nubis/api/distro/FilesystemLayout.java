package io.nubis.api.distro;

/**
 * Where the agent's files live on this system, and whether the run directory survives a
 * reboot. When it does not ({@link #ephemeralRun()} is false, as on FreeBSD where /var/run
 * persists), the runtime clears its own run directory at boot.
 */
public interface FilesystemLayout {
    /** The agent's run directory ({@code /run/cloud-init}). */
    String runDir();

    /** True if the OS empties {@link #runDir()} at every boot. */
    boolean ephemeralRun();

    /** The agent's state directory ({@code /var/lib/cloud}). */
    String cloudDir();

    /** The system config directory ({@code /etc/cloud}; {@code /usr/local/etc/cloud} on FreeBSD). */
    String configDir();

    /** The main log ({@code /var/log/cloud-init.log}). */
    String logFile();

    /** The output log ({@code /var/log/cloud-init-output.log}). */
    String outputLogFile();

    /** Where helper programs live ({@code /usr/lib/nubis}). */
    String libexecDir();
}
