package io.nubis.runtime.internal.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.testing.Files2;
import io.nubis.runtime.internal.testing.RecordingRunner;

class CleanToolTest {
    @TempDir
    Path root;
    RecordingRunner runner = new RecordingRunner();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Optional<String> initSystem = Optional.of("systemd");
    Command reboot = Command.of("shutdown", "-r", "now");

    @BeforeEach
    void state() throws IOException {
        Files2.write(root, "/var/lib/cloud/instances/iid-1/sem/config_ssh", "1: 2\n");
        Files2.write(root, "/var/lib/cloud/data/status.json", "{}");
        Files2.write(root, "/var/lib/cloud/seed/nocloud/user-data", "#cloud-config\n");
        Files.createSymbolicLink(root.resolve("var/lib/cloud/instance"), Path.of("/var/lib/cloud/instances/iid-1"));
        Files2.write(root, "/var/log/cloud-init.log", "log\n");
        Files2.write(root, "/var/log/cloud-init.log.1", "old\n");
        Files2.write(root, "/var/log/cloud-init-output.log", "out\n");
        Files2.write(root, "/var/log/syslog", "keep\n");
        Files2.write(root, "/etc/machine-id", "0123456789abcdef0123456789abcdef\n");
    }

    private int clean(CleanRequest req, Map<String, Object> cfg) throws IOException {
        CleanEnvironment env = new CleanEnvironment() {
            @Override
            public Optional<String> initSystem() {
                return initSystem;
            }

            @Override
            public Command rebootCommand() {
                if (reboot == null) {
                    throw new IllegalStateException("the assembly has no init system adapter (systemd)");
                }
                return reboot;
            }
        };
        return new CleanTool(new ChrootTarget(root, false), ToolPaths.LINUX, runner, env, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(req, cfg);
    }

    private static CleanRequest req(boolean logs, boolean seed, boolean machineId, boolean reboot, String... configs) {
        return new CleanRequest(logs, seed, machineId, reboot, Set.of(configs));
    }

    private boolean exists(String p) {
        return Files.exists(root.resolve(p.substring(1)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void removesEverythingButTheSeed() throws IOException {
        assertEquals(0, clean(req(false, false, false, false), Map.of()));
        assertEquals(List.of("seed"), Files.list(root.resolve("var/lib/cloud")).map(p -> p.getFileName().toString())
                .toList());
        assertTrue(exists("/var/log/cloud-init.log"), "logs stay without --logs");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), runner.commands);
    }

    @Test
    void seedGoesWithDashS() throws IOException {
        assertEquals(0, clean(req(false, true, false, false), Map.of()));
        assertEquals(0, Files.list(root.resolve("var/lib/cloud")).count());
    }

    @Test
    void logsFromTheConfigAndTheirRotations() throws IOException {
        Map<String, Object> cfg = Map.of("output", Map.of("all", "| tee -a /var/log/cloud-init-output.log"));
        assertEquals(0, clean(req(true, false, false, false), cfg));
        assertFalse(exists("/var/log/cloud-init.log"));
        assertFalse(exists("/var/log/cloud-init.log.1"));
        assertFalse(exists("/var/log/cloud-init-output.log"));
        assertTrue(exists("/var/log/syslog"));
    }

    @Test
    void logFileNamesFollowTheOutputForms() throws Exception {
        CleanTool t = new CleanTool(new ChrootTarget(root, false), ToolPaths.LINUX, runner, null, System.err);
        Map<String, Object> cfg = Map.of("def_log_file", "/var/log/nubis.log", "output", Map.of(
                "init", List.of("> /var/log/init.out", ">> /var/log/init.err"),
                "config", Map.of("output", "| tee -a /var/log/cfg.log", "error", "&1"),
                "final", "| logger -t x"));
        assertEquals(Set.of("/var/log/nubis.log", "/var/log/init.out", "/var/log/init.err", "/var/log/cfg.log"),
                Set.copyOf(t.logFiles(cfg)));
        assertEquals(4, t.logFiles(cfg).size());
    }

    @Test
    void machineIdIsUninitializedOnSystemd() throws IOException {
        assertEquals(0, clean(req(false, false, true, false), Map.of()));
        assertEquals("uninitialized\n", Files2.read(root, "/etc/machine-id"));
        assertEquals("r--r--r--", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("etc/machine-id"))));
    }

    @Test
    void machineIdIsRemovedElsewhere() throws IOException {
        initSystem = Optional.of("openrc");
        assertEquals(0, clean(req(false, false, true, false), Map.of()));
        assertFalse(exists("/etc/machine-id"));
    }

    @Test
    void generatedConfigsByType() throws IOException {
        Files2.write(root, "/etc/netplan/50-cloud-init.yaml", "network: {}\n");
        Files2.write(root, "/etc/netplan/01-mine.yaml", "network: {}\n");
        Files2.write(root, "/etc/systemd/network/10-cloud-init-eth0.network", "[Match]\n");
        Files2.write(root, "/etc/systemd/network/10-cloud-init-eth1.network", "[Match]\n");
        Files2.write(root, "/etc/systemd/network/20-mine.network", "[Match]\n");
        Files2.write(root, "/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n");
        Files2.write(root, "/etc/fstab", "/dev/vda1 / ext4 defaults 0 1\n"
                + "/dev/vdb /mnt auto defaults,nofail,x-systemd.after=cloud-init.service,comment=cloudconfig 0 2\n");
        assertEquals(0, clean(req(false, false, false, false, "network"), Map.of()));
        assertFalse(exists("/etc/netplan/50-cloud-init.yaml"));
        assertFalse(exists("/etc/systemd/network/10-cloud-init-eth0.network"));
        assertFalse(exists("/etc/systemd/network/10-cloud-init-eth1.network"));
        assertTrue(exists("/etc/netplan/01-mine.yaml"));
        assertTrue(exists("/etc/systemd/network/20-mine.network"));
        assertTrue(exists("/etc/ssh/sshd_config.d/50-cloud-init.conf"));
        assertEquals(0, clean(req(false, false, false, false, "all"), Map.of()));
        assertFalse(exists("/etc/ssh/sshd_config.d/50-cloud-init.conf"));
        assertEquals("/dev/vda1 / ext4 defaults 0 1\n", Files2.read(root, "/etc/fstab"));
    }

    @Test
    void cleanDRunsExecutablesInOrderAndReportsFailures() throws IOException {
        Path a = Files2.write(root, "/etc/cloud/clean.d/20-b", "#!/bin/sh\n");
        Path b = Files2.write(root, "/etc/cloud/clean.d/10-a", "#!/bin/sh\n");
        Files2.write(root, "/etc/cloud/clean.d/README", "not executable\n");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, clean(req(false, false, false, false), Map.of()));
        assertEquals(List.of(List.of("/etc/cloud/clean.d/10-a"), List.of("/etc/cloud/clean.d/20-b")), runner.commands);
        runner.exitCodes.put("/etc/cloud/clean.d/20-b", 3);
        assertEquals(1, clean(req(false, false, false, true), Map.of()));
        assertEquals("Error:\nFailure during run-parts of /etc/cloud/clean.d: Runparts: 1 failures (20-b) in 2 attempted"
                + " commands\n", err.toString(StandardCharsets.UTF_8));
        assertFalse(runner.commands.contains(List.of("shutdown", "-r", "now")), "no reboot after a failure");
    }

    @Test
    void rebootRunsTheInitSystemCommand() throws IOException {
        assertEquals(0, clean(req(false, false, false, true), Map.of()));
        assertEquals(List.of(List.of("shutdown", "-r", "now")), runner.commands);
        runner.exitCodes.put("shutdown", 1);
        assertEquals(1, clean(req(false, false, false, true), Map.of()));
        assertEquals("Error:\nCould not reboot this system using \"['shutdown', '-r', 'now']\": shutdown -r now exited"
                + " with 1\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        reboot = null;
        assertEquals(1, clean(req(false, false, false, true), Map.of()));
        assertEquals("Error:\nCould not reboot this system: the assembly has no init system adapter (systemd)\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingCloudDirIsAlreadyClean() throws IOException {
        Path a = Files2.write(root, "/etc/cloud/clean.d/10-a", "#!/bin/sh\n");
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rwxr-xr-x"));
        ChrootTarget t = new ChrootTarget(root, false);
        t.deleteTree("/var/lib/cloud");
        assertEquals(0, clean(req(false, false, false, false), Map.of()));
        assertEquals(List.of(), runner.commands, "the reference skips clean.d when there is nothing to clean");
    }

    @Test
    void otherLayoutsCleanTheirOwnDirectories() throws IOException {
        Files2.write(root, "/var/db/cloud/data/x", "1");
        Files2.write(root, "/usr/local/etc/cloud/clean.d/10-a", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("usr/local/etc/cloud/clean.d/10-a"),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        ToolPaths bsd = new ToolPaths("/var/run/cloud-init", "/var/db/cloud", "/usr/local/etc/cloud",
                "/var/log/cloud-init.log");
        CleanEnvironment env = new CleanEnvironment() {
            @Override
            public Optional<String> initSystem() {
                return Optional.of("bsdrc");
            }

            @Override
            public Command rebootCommand() {
                return reboot;
            }
        };
        assertEquals(0, new CleanTool(new ChrootTarget(root, false), bsd, runner, env,
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(req(false, false, false, false), Map.of()));
        assertFalse(exists("/var/db/cloud/data"));
        assertTrue(exists("/var/lib/cloud/data"), "the Linux state directory is not this layout's");
        assertEquals(List.of(List.of("/usr/local/etc/cloud/clean.d/10-a")), runner.commands);
    }
}
