package io.nubis.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path root;

    @Test
    void theVerbIsTheFirstArgumentThatIsNoOptionNorAGlobalOptionsValue() {
        assertEquals("status", Cli.verbOf("--root", "/tmp/status", "-d", "status", "--long"));
        assertEquals("query", Cli.verbOf("--stage-gate", "init", "query", "init"));
        assertEquals("init", Cli.verbOf("--root=/x", "init", "--local"));
        assertNull(Cli.verbOf("--all-stages", "--root", "/x"));
        assertNull(Cli.verbOf("--", "status"));
    }

    @Test
    void aVerbRunAloneStillTakesTheGlobalOptions() {
        // --root reaches the status verb: the booted-nothing root reports "not started" (exit 0)
        CliRun r = CliRun.run(root, "status");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not started") || r.out().contains("status:"), r.out());
    }

    @Test
    void theUsageListsEveryVerb() {
        CliRun r = CliRun.run(root, "--help");
        assertEquals(0, r.code(), r.err());
        for (String verb : Cli.VERBS.keySet()) {
            assertTrue(r.out().contains("  " + verb + " "), verb + " missing from:\n" + r.out());
        }
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        CliRun r = CliRun.run(root, "frobnicate");
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void develSubcommandsAreThere() {
        CliRun r = CliRun.run(root, "devel");
        assertEquals(Cli.EXIT_USAGE, r.code(), r.err());
        assertTrue(r.err().contains("merge"), r.err());
    }
}
