package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.testing.Files2;

class AnalyzeCommandTest {
    @TempDir
    Path root;

    @Test
    void defaultInputIsTheTargetLog() throws Exception {
        Files2.write(root, "/var/log/cloud-init.log",
                "2024-05-01 10:00:00,000 - handlers.py[DEBUG]: start: init-network/a: a\n"
                        + "2024-05-01 10:00:00,500 - handlers.py[DEBUG]: finish: init-network/a: SUCCESS: a done\n");
        CliRun r = CliRun.run(root, "analyze", "blame");
        assertEquals(0, r.code(), r.err());
        assertEquals("-- Boot Record 01 --\n     00.50000s (init-network/a)\n\n1 boot records analyzed\n", r.out());
        r = CliRun.run(root, "analyze", "show", "-f", "%n took %ds");
        assertTrue(r.out().contains("\ninit-network/a took 00.50000s\n"), r.out());
    }

    @Test
    void missingSubcommandIsAUsageError() {
        CliRun r = CliRun.run(root, "analyze");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("analyze: error: the following arguments are required: subcommand"), r.err());
    }
}
