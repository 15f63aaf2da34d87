package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.testing.Files2;

class SchemaCommandTest {
    @TempDir
    Path root;

    @Test
    void validatesAFileAgainstTheCoreSchema() throws Exception {
        Path f = Files2.write(root, "/cfg.yaml", "#cloud-config\ndatasource_list: [NoCloud]\nallow_userdata: false\n");
        CliRun r = CliRun.run(root, "schema", "-c", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Valid schema " + f + "\n", r.out());
        Files2.write(root, "/cfg.yaml", "#cloud-config\ndatasource_list: NoCloud\n");
        r = CliRun.run(root, "schema", "--config-file", f.toString(), "--schema-type", "cloud-config");
        assertEquals(1, r.code());
        assertEquals("Invalid user-data " + f + "\n", r.out());
        assertEquals("Error: Cloud config schema errors: datasource_list: 'NoCloud' is not of type 'array'\n\n"
                + "Error: Invalid schema: user-data\n\n", r.err());
    }

    @Test
    void badSchemaTypeIsAUsageError() {
        CliRun r = CliRun.run(root, "schema", "-c", "x", "-t", "yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("cloud-init: error: argument -t/--schema-type: invalid choice: 'yaml'"), r.err());
    }
}
