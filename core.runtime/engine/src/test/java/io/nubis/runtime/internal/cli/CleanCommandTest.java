package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.testing.Files2;

class CleanCommandTest {
    @TempDir
    Path root;

    @Test
    void cleansTheTargetRoot() throws Exception {
        Files2.write(root, "/var/lib/cloud/data/instance-id", "iid-1\n");
        Files2.write(root, "/var/lib/cloud/seed/nocloud/meta-data", "instance-id: iid-1\n");
        Files2.write(root, "/var/log/cloud-init.log", "x\n");
        Files2.write(root, "/etc/machine-id", "abc\n");
        Files2.write(root, "/etc/cloud/cloud.cfg.d/05_logging.cfg", "output: {all: '| tee -a /var/log/extra-output.log'}\n");
        Files2.write(root, "/var/log/extra-output.log", "x\n");
        CliRun r = CliRun.run(root, "clean", "--logs", "--machine-id", "-c", "network", "ssh_config");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(root.resolve("var/lib/cloud/data")));
        assertTrue(Files.exists(root.resolve("var/lib/cloud/seed/nocloud/meta-data")));
        assertFalse(Files.exists(root.resolve("var/log/cloud-init.log")));
        assertFalse(Files.exists(root.resolve("var/log/extra-output.log")), "named by cloud.cfg.d");
        // no distro profile and no /run/systemd/system: not systemd, so the machine-id goes
        assertFalse(Files.exists(root.resolve("etc/machine-id")));
    }

    @Test
    void unknownConfigTypeIsAUsageError() {
        CliRun r = CliRun.run(root, "clean", "-c", "everything");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("cloud-init: error: argument -c/--configs: invalid choice: 'everything'"), r.err());
    }
}
