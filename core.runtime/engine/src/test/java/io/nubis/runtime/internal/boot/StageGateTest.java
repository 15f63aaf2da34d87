package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FIFO handshake, driven from the shell the way the stage units' shim does it. */
class StageGateTest {
    @TempDir
    Path dir;

    @Test
    void eachStageWaitsForItsShimAndHandsBackTheExitCode() throws Exception {
        Path gateDir = dir.resolve("share");
        StageGate gate = StageGate.fifos(gateDir);
        for (String s : StageGate.STAGES) {
            assertTrue(Files.exists(gateDir.resolve(s + ".start")), s);
        }
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(gateDir.resolve("pid")));
        Thread boot = new Thread(() -> {
            try {
                gate.awaitStart("network");
                gate.finished("network", 3);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boot.start();
        // what libexec/stage-shim does
        Process shim = new ProcessBuilder("sh", "-c",
                "echo start > \"$0/network.start\"; read -r rc < \"$0/network.done\"; exit \"$rc\"", gateDir.toString())
                .start();
        assertTrue(shim.waitFor(20, TimeUnit.SECONDS), "the shim got an answer");
        assertEquals(3, shim.exitValue());
        boot.join(5000);
        assertEquals(List.of("rwx------"), List.of(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(gateDir))));
    }
}
