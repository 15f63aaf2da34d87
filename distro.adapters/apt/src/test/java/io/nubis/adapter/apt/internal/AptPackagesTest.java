package io.nubis.adapter.apt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.testkit.TempTarget;

class AptPackagesTest {
    private static final Map<String, String> ENV = Map.of("DEBIAN_FRONTEND", "noninteractive");
    private final AptPackages apt = new AptPackages();

    @Test
    void updateUsesTheReferenceOptions() {
        Command c = apt.update();
        assertEquals(List.of("apt-get", "--option=Dpkg::Options::=--force-confold",
                "--option=Dpkg::options::=--force-unsafe-io", "--assume-yes", "--quiet", "update"), c.argv());
        assertEquals(ENV, c.env());
        assertEquals(Command.DEFAULT_TIMEOUT, c.timeout());
    }

    @Test
    void upgradeIsDistUpgrade() {
        Command c = apt.upgrade();
        assertEquals(List.of("apt-get", "--option=Dpkg::Options::=--force-confold",
                "--option=Dpkg::options::=--force-unsafe-io", "--assume-yes", "--quiet", "dist-upgrade"), c.argv());
        assertEquals(ENV, c.env());
        assertEquals(Duration.ofHours(1), c.timeout());
    }

    @Test
    void installPinsWithEquals() {
        Command c = apt.install(List.of(PackageSpec.of("htop"), new PackageSpec("tree", "2.1.1-2")));
        assertEquals(List.of("apt-get", "--option=Dpkg::Options::=--force-confold",
                "--option=Dpkg::options::=--force-unsafe-io", "--assume-yes", "--quiet", "install", "htop",
                "tree=2.1.1-2"), c.argv());
        assertEquals(ENV, c.env());
        assertEquals(null, c.stdin());
        assertFalse(c.sensitive());
    }

    @Test
    void epochVersionsAndArchQualifiersAreAccepted() {
        assertEquals("libc6:amd64=1:2.36-9+deb12u4",
                apt.install(List.of(new PackageSpec("libc6:amd64", "1:2.36-9+deb12u4"))).argv().get(6));
    }

    @Test
    void badPackagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> apt.install(List.of()));
        assertThrows(IllegalArgumentException.class, () -> apt.install(List.of(PackageSpec.of("-oDebug::pkgProblemResolver=1"))));
        assertThrows(IllegalArgumentException.class, () -> apt.install(List.of(PackageSpec.of("a b"))));
        assertThrows(IllegalArgumentException.class, () -> apt.install(List.of(new PackageSpec("vim", "1 2"))));
    }

    @Test
    void rebootRequiredFollowsTheMarkerFile(@TempDir Path dir) throws IOException {
        TempTarget target = TempTarget.in(dir);
        assertFalse(apt.rebootRequired(target));
        target.file("/var/run/reboot-required", "*** System restart required ***\n");
        assertTrue(apt.rebootRequired(target));
    }
}
