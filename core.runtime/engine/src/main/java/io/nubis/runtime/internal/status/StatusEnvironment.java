package io.nubis.runtime.internal.status;

import java.io.IOException;
import java.util.List;

/** What {@code status} needs from the running system besides files; replaced in tests. */
public interface StatusEnvironment {
    /** True if systemd is the running init system. */
    boolean usesSystemd();

    /** The kernel command line. */
    String kernelCmdline();

    /** The {@code KERNEL_CMDLINE} environment variable, or empty. */
    String kernelCmdlineVariable();

    /**
     * Runs {@code systemctl ARGS} and returns its standard output, trimmed.
     *
     * @throws IOException if it cannot run or exits non-zero; the message carries its stderr
     */
    String systemctl(List<String> args) throws IOException;

    /** Seconds since the epoch at which the system booted (for uptime-based stage times). */
    double bootEpoch();

    /** Sleeps between polls of {@code --wait}. */
    default void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
