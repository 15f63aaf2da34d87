package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.testing.Files2;

class QueryCommandTest {
    @TempDir
    Path root;

    @Test
    void optionsReachTheTool() throws Exception {
        Path data = Files2.write(root, "/data.json", "{\"v1\": {\"cloud-name\": \"nocloud\"}, \"ds\": {}}");
        Path ud = Files2.write(root, "/ud", "x");
        CliRun r = CliRun.run(root, "query", "-i", data.toString(), "-u", ud.toString(), "-v", ud.toString(),
                "v1.cloud_name");
        assertEquals(0, r.code(), r.err());
        assertEquals("nocloud\n", r.out());
        r = CliRun.run(root, "query", "--instance-data", data.toString(), "-u", ud.toString(), "-v", ud.toString(),
                "--list-keys", "v1");
        assertEquals("cloud-name\n", r.out());
    }

    @Test
    void nothingAskedPrintsTheErrorAndUsage() {
        CliRun r = CliRun.run(root, "query");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Expected one of the options: --all, --format, --list-keys or varname"), r.err());
        assertTrue(r.out().startsWith("Usage: cloud-init query "), r.out());
    }
}
