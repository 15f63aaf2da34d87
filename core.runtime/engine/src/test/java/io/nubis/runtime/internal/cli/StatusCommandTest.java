package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.testing.Files2;

class StatusCommandTest {
    @TempDir
    Path root;

    private static final String DONE = "{\"v1\": {\"datasource\": \"DataSourceNone\", "
            + "\"init\": {\"errors\": [], \"finished\": 2.5, \"recoverable_errors\": {}, \"start\": 2.0}, \"stage\": null}}";

    @Test
    void notStartedIsHealthy() {
        CliRun r = CliRun.run(root, "status");
        assertEquals(0, r.code());
        assertEquals("status: not started\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void exitCodesFollowTheCondition() throws Exception {
        Files2.write(root, "/run/cloud-init/status.json", DONE);
        Files2.write(root, "/run/cloud-init/result.json", "{\"v1\": {\"datasource\": \"DataSourceNone\", \"errors\": []}}");
        assertEquals(0, CliRun.run(root, "status").code());
        Files2.write(root, "/run/cloud-init/status.json", DONE.replace("\"recoverable_errors\": {}",
                "\"recoverable_errors\": {\"WARNING\": [\"w\"]}"));
        CliRun degraded = CliRun.run(root, "status", "--long");
        assertEquals(2, degraded.code());
        assertTrue(degraded.out().startsWith("status: done\nextended_status: degraded done\n"
                + "boot_status_code: enabled-by-sysvinit\nlast_update: "), degraded.out());
        assertTrue(degraded.out().endsWith("detail: DataSourceNone\nerrors: []\nrecoverable_errors:\nWARNING:\n\t- w\n"),
                degraded.out());
        Files2.write(root, "/run/cloud-init/status.json", DONE.replace("\"errors\": []", "\"errors\": [\"boom\"]"));
        CliRun error = CliRun.run(root, "status", "--format", "json");
        assertEquals(1, error.code());
        assertTrue(error.out().contains("  \"status\": \"error\"\n"), error.out());
        assertTrue(error.out().contains("  \"datasource\": \"none\",\n"), error.out());
    }

    @Test
    void waitPrintsDotsUntilDone() throws Exception {
        Files2.write(root, "/run/cloud-init/status.json", DONE);
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
        try {
            ex.schedule(() -> Files2.write(root, "/run/cloud-init/result.json", "{}"), 700, TimeUnit.MILLISECONDS);
            CliRun r = CliRun.run(root, "status", "--wait");
            assertEquals(0, r.code());
            assertTrue(r.out().matches("\\.{2,}\nstatus: done\n"), r.out());
        } finally {
            ex.shutdownNow();
        }
    }

    @Test
    void waitInJsonModePrintsNoDots() throws Exception {
        Files2.write(root, "/run/cloud-init/status.json", DONE);
        Files2.write(root, "/run/cloud-init/result.json", "{}");
        CliRun r = CliRun.run(root, "status", "--wait", "--format", "json");
        assertTrue(r.out().startsWith("{\n  \"boot_status_code\""), r.out());
    }

    @Test
    void corruptStatusJsonExitsOneWithAMessage() throws Exception {
        Files2.write(root, "/run/cloud-init/status.json", "{\"v1\": ");
        CliRun r = CliRun.run(root, "status");
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - status.py\\[ERROR\\]: Invalid JSON in "
                + "/run/cloud-init/status.json, line 1, column 8: unexpected end of input, expected a value\n"), r.err());
    }

    @Test
    void badFormatIsAUsageError() {
        CliRun r = CliRun.run(root, "status", "--format", "xml");
        assertEquals(2, r.code());
        assertEquals("cloud-init: error: argument --format: invalid choice: 'xml' (choose from 'json', 'tabular', "
                + "'yaml')\nTry 'cloud-init --help' for more information.\n", r.err());
    }

    @Test
    void systemdWithoutARunningSystemctlReportsUnknown() throws Exception {
        Files.createDirectories(root.resolve("run/systemd/system"));
        CliRun r = CliRun.run(root, "status", "--long");
        assertEquals(0, r.code());
        assertEquals("status: not started\nextended_status: not started\nboot_status_code: unknown\n"
                + "detail: Systemd generator may not have run yet.\nerrors: []\nrecoverable_errors: {}\n", r.out());
    }
}
