package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.cli.Cli;

class CliBootTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int nubis(BootFixture f, String... args) {
        Cli cli = new Cli(null, f.plugins, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "nubis");
        return cli.execute(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void allStagesInPlanModePrintsTheSummary() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-9\n", "#cloud-config\nbootcmd: [ls]\n");
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "--all-stages"), err());
        assertTrue(out().contains("Plan for " + dir.toRealPath() + ": files were written only under it"), out());
        assertTrue(out().contains("  created  /var/lib/cloud/instances/iid-9/cloud-config.txt\n"), out());
        assertTrue(out().contains("  created  /var/log/cloud-init.log\n"), out());
        assertTrue(out().contains("Commands that would have run (0):"), out());
        assertTrue(err().contains("Cloud-init v. 22.4 running 'init-local' at "), err());
        assertEquals(List.of("bootcmd", "per_instance", "failing", "config_mod", "final_mod"), f.ran);
    }

    @Test
    void theMarkerFileDisablesEverything() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-9\n", "").file("/etc/cloud/cloud-init.disabled", "");
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "init", "--local"));
        assertEquals("nubis is disabled: disabled-by-marker-file (/etc/cloud/cloud-init.disabled)\n", err());
        assertEquals("disabled-by-marker-file (/etc/cloud/cloud-init.disabled)\n", f.text("/run/cloud-init/disabled"));
        assertFalse(f.exists("/var/lib/cloud/data/status.json"));
        assertFalse(f.exists("/var/log/cloud-init.log"));
        assertEquals(List.of(), f.ran);
    }

    @Test
    void theKernelCommandLineDisablesEverything() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-9\n", "")
                .file("/proc/cmdline", "BOOT_IMAGE=/vmlinuz ro cloud-init=disabled quiet\n");
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "--all-stages"));
        assertTrue(err().contains("disabled-by-kernel-command-line (cloud-init=disabled)"), err());
        assertFalse(f.exists("/var/lib/cloud/data/status.json"));
    }

    @Test
    void verbsAndTheirExitCodes() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-9\n", "");
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "init", "-l"));
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "init"));
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "modules", "-m", "init"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> rec = (Map<String, List<String>>) f.stage("modules-init").get("recoverable_errors");
        assertEquals(List.of("`--mode init` is deprecated in 24.1 and scheduled to be removed in 29.1. Use `cloud-init init`"
                + " instead."), rec.get("DEPRECATED"));
        assertEquals(2, nubis(f, "--root", dir.toString(), "modules", "--mode", "bogus"));
        assertTrue(err().contains("invalid choice: 'bogus'"), err());
        assertEquals(2, nubis(f, "--root", dir.toString(), "single"));
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "single", "--name", "config_mod", "--frequency",
                "always"));
        assertEquals(1, nubis(f, "--root", dir.toString(), "--plan", "single", "--name", "nope"));
        assertEquals(1, nubis(f, "--root", dir.toString(), "--plan", "per", "weekly", "x", "true"));
        assertEquals(1, nubis(f, "--root", dir.toString(), "--plan", "per", "once", "a/b", "true"));
    }

    @Test
    void perRunsOnceInstanceOrAlwaysWithBootperSemaphores() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-9\n", "");
        f.allStages();
        f.runner.commands.clear();
        assertEquals(0, f.run(s -> new PerRunner(s).run("once", "mk-fs", List.of("mkfs.ext4", "-F", "/dev/vdb"))));
        assertTrue(f.text("/var/lib/cloud/sem/bootper.mk_fs.once").matches("0\t\\d+\n"));
        assertEquals(0, f.run(s -> new PerRunner(s).run("once", "mk-fs", List.of("mkfs.ext4", "-F", "/dev/vdb"))));
        assertEquals(List.of("mkfs.ext4 -F /dev/vdb"), f.runner.lines());

        assertEquals(0, f.run(s -> new PerRunner(s).run("instance", "x", List.of("echo", "hi"))));
        assertTrue(f.exists("/var/lib/cloud/instances/iid-9/sem/bootper.x.instance"));
        assertEquals(0, f.run(s -> new PerRunner(s).run("always", "y", List.of("date"))));
        assertEquals(0, f.run(s -> new PerRunner(s).run("always", "y", List.of("date"))));
        assertEquals(List.of("mkfs.ext4 -F /dev/vdb", "echo hi", "date", "date"), f.runner.lines());

        f.runner.result("false", 3, "");
        assertEquals(3, f.run(s -> new PerRunner(s).run("once", "bad", List.of("false"))));
        assertFalse(f.exists("/var/lib/cloud/sem/bootper.bad.once"), "a failed command is tried again next time");

        f.file("/var/lib/cloud/sem/bootper.old-name.once", "0\t1\n");
        assertEquals(0, f.run(s -> new PerRunner(s).run("once", "old-name", List.of("never"))));
        assertEquals("0\t1\n", f.text("/var/lib/cloud/sem/bootper.old_name.once"));
        assertFalse(f.exists("/var/lib/cloud/sem/bootper.old-name.once"));
        assertFalse(f.runner.lines().contains("never"));
        assertThrows(IllegalArgumentException.class, () -> f.run(s -> new PerRunner(s).run("once", "a/b", List.of("x"))));
    }

    @Test
    void perPassesOptionsOfTheCommandThrough() throws Exception {
        BootFixture f = new BootFixture(dir);
        assertEquals(0, nubis(f, "--root", dir.toString(), "--plan", "per", "always", "n", "ls", "-l", "--all", "/"), err());
        assertTrue(out().contains("  ls -l --all /\n"), out());
        assertTrue(Files.exists(dir.resolve("var/lib/cloud/sem/bootper.n.always")));
    }
}
