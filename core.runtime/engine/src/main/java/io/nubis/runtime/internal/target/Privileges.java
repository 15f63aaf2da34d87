package io.nubis.runtime.internal.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the agent runs as uid 0, which chown and chroot need. Detected once, cheaply. */
public final class Privileges {
    private static final boolean ROOT = detect();

    private Privileges() {
    }

    /** True if the process runs with effective uid 0. */
    public static boolean isRoot() {
        return ROOT;
    }

    private static boolean detect() {
        try {
            // /proc/self belongs to the process's effective uid (Linux)
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
