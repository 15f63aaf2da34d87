package io.nubis.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.module.Frequency;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.target.ChrootTarget;

class SemaphoresTest {
    @TempDir
    Path dir;

    @Test
    void referencePathsPerFrequency() throws Exception {
        Semaphores s = new Semaphores(new ChrootTarget(dir, false), new CloudPaths("/var/lib/cloud", "/run/cloud-init"),
                "i-1/x");
        assertEquals(Optional.of("/var/lib/cloud/instances/i-1_x/sem/config_write_files"),
                s.path("config-write-files", Frequency.PER_INSTANCE));
        assertEquals(Optional.of("/var/lib/cloud/sem/config_ssh.once"), s.path("config-ssh", Frequency.ONCE));
        assertEquals(Optional.of("/run/cloud-init/sem/config_ntp.per-boot"), s.path("config-ntp", Frequency.PER_BOOT));
        assertEquals(Optional.empty(), s.path("config-bootcmd", Frequency.ALWAYS));
    }

    @Test
    void markAndHasRun() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        Semaphores s = new Semaphores(t, new CloudPaths("/var/lib/cloud", "/run/cloud-init"), "iid");
        assertFalse(s.hasRun("config-users", Frequency.PER_INSTANCE));
        s.mark("config-users", Frequency.PER_INSTANCE);
        assertTrue(s.hasRun("config-users", Frequency.PER_INSTANCE));
        assertTrue(t.readString("/var/lib/cloud/instances/iid/sem/config_users").orElseThrow()
                .matches("\\d+: \\d+\\.\\d+\n"));
        s.mark("config-bootcmd", Frequency.ALWAYS);
        assertFalse(s.hasRun("config-bootcmd", Frequency.ALWAYS));
        assertTrue(s.clear("config-users", Frequency.PER_INSTANCE));
        assertFalse(s.hasRun("config-users", Frequency.PER_INSTANCE));
    }

    @Test
    void legacyDashedNamesCount() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        t.writeString("/var/lib/cloud/sem/config-set-hostname.once", "1: 2\n", null);
        Semaphores s = new Semaphores(t, new CloudPaths("/var/lib/cloud", "/run/cloud-init"), "iid");
        assertTrue(s.hasRun("config-set-hostname", Frequency.ONCE));
    }

    @Test
    void perInstanceNeedsAnInstance() {
        Semaphores s = new Semaphores(null, new CloudPaths("/var/lib/cloud", "/run/cloud-init"), null);
        assertFalse(s.hasRun("config-x", Frequency.PER_INSTANCE));
        IOException e = assertThrows(IOException.class, () -> s.mark("config-x", Frequency.PER_INSTANCE));
        assertEquals("cannot record config-x per instance: no instance id yet", e.getMessage());
    }
}
