package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the agent process itself runs as root (it must, to mount seed volumes). */
final class Privileges {
    private Privileges() {
    }

    /** Effective uid 0 from {@code /proc/self/status}; where there is no /proc, the user name. */
    static boolean isRoot() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                    if (line.startsWith("Uid:")) {
                        String[] f = line.substring(4).trim().split("\\s+");
                        return f.length > 1 && "0".equals(f[1]);
                    }
                }
            } catch (IOException e) {
                // fall back to the user name
            }
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
