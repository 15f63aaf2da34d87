package io.nubis.adapter.zypper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.testkit.TempTarget;

class ZypperPackagesTest {
    private final ZypperPackages zypper = new ZypperPackages();

    @Test
    void commands() {
        assertEquals(Command.of("zypper", "--non-interactive", "refresh"), zypper.update());
        assertEquals(Command.of("zypper", "--non-interactive", "update").withTimeout(Duration.ofHours(1)), zypper.upgrade());
        assertEquals(Command.of("zypper", "--non-interactive", "install", "--auto-agree-with-licenses", "vim",
                "curl=8.6.0-4.1").withTimeout(Duration.ofHours(1)),
                zypper.install(List.of(PackageSpec.of("vim"), new PackageSpec("curl", "8.6.0-4.1"))));
    }

    @Test
    void badPackagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> zypper.install(List.of(PackageSpec.of("--no-gpg-checks"))));
        assertThrows(IllegalArgumentException.class, () -> zypper.install(null));
    }

    @Test
    void rebootRequiredFollowsLibzyppsMarker(@TempDir Path dir) throws IOException {
        TempTarget target = TempTarget.in(dir);
        assertFalse(zypper.rebootRequired(target));
        target.file("/run/reboot-needed", "");
        assertTrue(zypper.rebootRequired(target));
    }

    @Test
    void olderMarkerLocationCounts(@TempDir Path dir) throws IOException {
        TempTarget target = TempTarget.in(dir);
        target.file("/var/run/reboot-needed", "");
        assertTrue(zypper.rebootRequired(target));
    }
}
