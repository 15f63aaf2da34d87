package io.nubis.runtime.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.testing.Files2;

class StatusReaderTest {
    @TempDir
    Path root;
    FakeStatusEnvironment env = new FakeStatusEnvironment();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void runDir() throws IOException {
        Files.createDirectories(root.resolve("run/cloud-init"));
    }

    private StatusDetails read() throws Exception {
        return new StatusReader(new ChrootTarget(root, false), ToolPaths.LINUX, env, new PrintStream(err, true, StandardCharsets.UTF_8))
                .read(false);
    }

    /** Writes status.json in the data dir and links it from the run dir, as the stage engine does. */
    private void status(String json) throws IOException {
        Files2.write(root, "/var/lib/cloud/data/status.json", json);
        Files.createSymbolicLink(root.resolve("run/cloud-init/status.json"),
                Path.of("../../var/lib/cloud/data/status.json"));
    }

    private void result() throws IOException {
        Files2.write(root, "/var/lib/cloud/data/result.json", StatusFixtures.RESULT);
        Files.createSymbolicLink(root.resolve("run/cloud-init/result.json"),
                Path.of("../../var/lib/cloud/data/result.json"));
    }

    @Test
    void notStartedWithoutFiles() throws Exception {
        StatusDetails d = read();
        assertEquals(RunningStatus.NOT_STARTED, d.running());
        assertEquals(Condition.HEALTHY, d.condition());
        assertEquals(BootStatus.ENABLED_BY_SYSVINIT, d.boot());
        assertEquals("Cloud-init enabled on sysvinit", d.description());
        assertEquals("", d.datasource());
        assertEquals("", d.lastUpdate());
        assertEquals("not started", d.status());
    }

    /** OpenRC and rc.d honour the marker, so status says disabled where the reference says sysvinit. */
    @Test
    void markerFileDisablesOnSysvinitToo() throws Exception {
        Files2.write(root, "/etc/cloud/cloud-init.disabled", "");
        StatusDetails d = read();
        assertEquals(BootStatus.DISABLED_BY_MARKER_FILE, d.boot());
        assertEquals("disabled", d.status());
    }

    @Test
    void doneAndHealthy() throws Exception {
        status(StatusFixtures.DONE);
        result();
        StatusDetails d = read();
        assertEquals(RunningStatus.DONE, d.running());
        assertEquals(Condition.HEALTHY, d.condition());
        assertEquals("nocloud", d.datasource());
        assertEquals(StatusFixtures.DS, d.description());
        // boot at 1700000000 + uptime 7.54 of the latest event
        assertEquals("Tue, 14 Nov 2023 22:13:27 +0000", d.lastUpdate());
        assertEquals(List.of("init", "init-local", "modules-config", "modules-final", "stage"),
                List.copyOf(d.v1().keySet()));
    }

    @Test
    void epochStageTimesAreNotShifted() throws Exception {
        status("{\"v1\": {\"datasource\": null, \"init\": {\"start\": 1700000100.5, \"finished\": 1700000101.25}}}");
        result();
        assertEquals("Tue, 14 Nov 2023 22:15:01 +0000", read().lastUpdate());
    }

    @Test
    void recoverableErrorsMakeItDegradedAndAreMergedInStageOrder() throws Exception {
        status(StatusFixtures.DEGRADED);
        result();
        StatusDetails d = read();
        assertEquals(Condition.DEGRADED, d.condition());
        assertEquals("done", d.status());
        assertEquals("degraded done", d.extendedStatus());
        // stages sorted by name: init before init-local
        assertEquals(Map.of("DEPRECATED", List.of("Key 'ssh_authorized_keys' is deprecated"),
                "WARNING", List.of("Falling back to a hard restart\nof networkd", "No local datasource found")),
                d.recoverableErrors());
        assertEquals(List.of("DEPRECATED", "WARNING"), List.copyOf(d.recoverableErrors().keySet()));
    }

    @Test
    void errorsWinOverRecoverableErrors() throws Exception {
        status(StatusFixtures.ERROR);
        result();
        StatusDetails d = read();
        assertEquals(Condition.ERROR, d.condition());
        assertEquals("error", d.status());
        assertEquals("error - done", d.extendedStatus());
        assertEquals(List.of("module runcmd failed", "module ntp failed"), d.errors());
    }

    @Test
    void runningWhileStatusHasNoResult() throws Exception {
        status(StatusFixtures.RUNNING);
        StatusDetails d = read();
        assertEquals(RunningStatus.RUNNING, d.running());
        assertEquals("Running in stage: init-local", d.description());
        assertEquals(null, d.datasource());
    }

    @Test
    void bootStatusOrderOnSystemd() throws Exception {
        env.systemd = true;
        env.systemctl.put("show-environment", "LANG=C.UTF-8\nPATH=/usr/bin");
        assertEquals(BootStatus.UNKNOWN, read().boot());
        assertEquals("Systemd generator may not have run yet.", read().description());
        Files2.write(root, "/run/cloud-init/enabled", "");
        assertEquals(BootStatus.ENABLED_BY_GENERATOR, read().boot());
        Files2.write(root, "/run/cloud-init/disabled", "");
        assertEquals(BootStatus.DISABLED_BY_GENERATOR, read().boot());
        env.systemctl.put("show-environment", "KERNEL_CMDLINE=cloud-init=disabled");
        assertEquals(BootStatus.DISABLED_BY_ENV_VARIABLE, read().boot());
        env.cmdline = "ro cloud-init=disabled";
        assertEquals(BootStatus.DISABLED_BY_KERNEL_CMDLINE, read().boot());
        Files2.write(root, "/etc/cloud/cloud-init.disabled", "");
        StatusDetails d = read();
        assertEquals(BootStatus.DISABLED_BY_MARKER_FILE, d.boot());
        assertEquals(RunningStatus.DISABLED, d.running());
        assertEquals("Cloud-init disabled by /etc/cloud/cloud-init.disabled", d.description());
        env.cmdline = "ro cloud-init=enabled";
        assertEquals(BootStatus.ENABLED_BY_KERNEL_CMDLINE, read().boot());
    }

    @Test
    void kernelCmdlineVariableDisables() throws Exception {
        env.systemd = true;
        env.variable = "quiet cloud-init=disabled";
        assertEquals(BootStatus.DISABLED_BY_ENV_VARIABLE, read().boot());
        assertEquals(List.of(), env.calls, "the variable is checked before systemctl");
    }

    @Test
    void failedSystemdUnitTurnsARunIntoAnError() throws Exception {
        env.systemd = true;
        env.systemctl.put("show-environment", "");
        String props = "show --property=ActiveState,UnitFileState,SubState,MainPID ";
        env.systemctl.put(props + "cloud-final.service",
                "ActiveState=failed\nUnitFileState=enabled\nSubState=failed\nMainPID=0");
        status(StatusFixtures.RUNNING);
        StatusDetails d = read();
        assertEquals(RunningStatus.DONE, d.running());
        assertEquals(Condition.ERROR, d.condition());
        assertEquals("Failed due to systemd unit failure", d.description());
        assertEquals(List.of(StatusReader.SYSTEMD_FAILURE), d.errors());
    }

    @Test
    void unitsStillStartingKeepItRunning() throws Exception {
        env.systemd = true;
        env.systemctl.put("show-environment", "");
        String props = "show --property=ActiveState,UnitFileState,SubState,MainPID ";
        env.systemctl.put(props + "cloud-final.service",
                "ActiveState=inactive\nUnitFileState=enabled\nSubState=dead\nMainPID=0");
        status(StatusFixtures.RUNNING);
        assertEquals(RunningStatus.RUNNING, read().running());
        assertEquals(List.of("show-environment", props + "cloud-final.service"), env.calls);
    }

    @Test
    void unansweredSystemctlWarnsAndKeepsTheFileStatus() throws Exception {
        env.systemd = true;
        status(StatusFixtures.RUNNING);
        assertEquals(RunningStatus.RUNNING, read().running());
        assertEquals("Failed to get status from systemd. Cloud-init status may be inaccurate. Error from systemctl: "
                + "Failed to connect to bus: No such file or directory\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void corruptStatusJsonIsAClearError() throws Exception {
        status("{\"v1\": {\"init\": {\"start\": 4.9,,}}}");
        StatusException e = assertThrows(StatusException.class, this::read);
        assertEquals("Invalid JSON in /run/cloud-init/status.json, line 1, column 31: expected a string key in an"
                + " object", e.getMessage());
    }

    @Test
    void v1OfTheWrongTypeIsAClearError() throws Exception {
        status("{\"v1\": [1, 2]}");
        assertEquals("/run/cloud-init/status.json: 'v1' must be an object",
                assertThrows(StatusException.class, this::read).getMessage());
    }

    @Test
    void unreadableStatusJsonIsAClearError() throws Exception {
        status(StatusFixtures.DONE);
        Path data = root.resolve("var/lib/cloud/data/status.json");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
        boolean root0 = io.nubis.runtime.internal.target.Privileges.isRoot();
        if (root0) {
            // uid 0 reads anything: make it a directory instead, which cannot be read as a file
            Files.delete(data);
            Files.createDirectory(data);
        }
        StatusException e = assertThrows(StatusException.class, this::read);
        assertTrue(e.getMessage().startsWith("Cannot read /run/cloud-init/status.json: "), e.getMessage());
    }
}
