package io.nubis.adapter.apk.internal;

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

class ApkPackagesTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final ApkPackages apk = new ApkPackages();

    @Test
    void commands() {
        assertEquals(Command.of("apk", "--quiet", "update"), apk.update());
        assertEquals(Command.of("apk", "--quiet", "upgrade", "--update-cache", "--available").withTimeout(HOUR), apk.upgrade());
        assertEquals(Command.of("apk", "--quiet", "add", "doas", "chrony=4.5-r0").withTimeout(HOUR),
                apk.install(List.of(PackageSpec.of("doas"), new PackageSpec("chrony", "4.5-r0"))));
    }

    @Test
    void badPackagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> apk.install(List.of(PackageSpec.of("--allow-untrusted"))));
        assertThrows(IllegalArgumentException.class, () -> apk.install(List.of(new PackageSpec("x", "-1"))));
    }

    @Test
    void rebootRequiredWhenTheRunningKernelsModulesAreGone(@TempDir Path dir) throws IOException {
        TempTarget target = TempTarget.in(dir);
        assertFalse(apk.rebootRequired(target), "no /proc");
        target.file("/proc/sys/kernel/osrelease", "6.6.31-0-virt\n");
        assertFalse(apk.rebootRequired(target), "no /lib/modules: a container");
        target.mkdirs("/lib/modules/6.6.31-0-virt", 0755);
        assertFalse(apk.rebootRequired(target));
        target.deleteTree("/lib/modules/6.6.31-0-virt");
        target.mkdirs("/lib/modules/6.6.33-0-virt", 0755);
        assertTrue(apk.rebootRequired(target));
    }
}
