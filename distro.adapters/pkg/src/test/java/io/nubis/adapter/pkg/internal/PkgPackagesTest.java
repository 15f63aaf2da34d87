package io.nubis.adapter.pkg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.testkit.TempTarget;

class PkgPackagesTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final PkgPackages pkg = new PkgPackages();

    @Test
    void commandsAssumeYes() {
        assertEquals(Command.of("pkg", "update").withEnv("ASSUME_ALWAYS_YES", "yes"), pkg.update());
        assertEquals(Command.of("pkg", "upgrade", "-y").withEnv("ASSUME_ALWAYS_YES", "yes").withTimeout(HOUR), pkg.upgrade());
        assertEquals(Command.of("pkg", "install", "-y", "sudo", "curl-8.7.1").withEnv("ASSUME_ALWAYS_YES", "yes")
                .withTimeout(HOUR), pkg.install(List.of(PackageSpec.of("sudo"), new PackageSpec("curl", "8.7.1"))));
    }

    @Test
    void badPackagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> pkg.install(List.of(PackageSpec.of("-f"))));
        assertThrows(IllegalArgumentException.class, () -> pkg.install(java.util.Arrays.asList((PackageSpec) null)));
    }

    @Test
    void neverAsksForAReboot(@TempDir Path dir) throws IOException {
        TempTarget target = TempTarget.in(dir);
        target.file("/var/run/reboot-required", "");
        assertFalse(pkg.rebootRequired(target));
    }
}
