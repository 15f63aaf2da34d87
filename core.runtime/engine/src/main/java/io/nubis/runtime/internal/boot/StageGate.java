package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Lets the init system pace {@code --all-stages}: before each stage the one long-lived process
 * waits until the stage's unit starts, and after it hands back the stage's exit code, so units
 * ordered after a stage wait for it (the reference does this with a Unix socket per stage). The
 * handshake uses two FIFOs per stage in a private directory: the unit's shim
 * ({@code libexec/stage-shim STAGE}) writes {@code start} into {@code STAGE.start}, then reads the
 * exit code from {@code STAGE.done}. Plain POSIX sh on the shim side: no netcat needed.
 */
public interface StageGate {
    /** Stage names as the shims use them, in boot order. */
    List<String> STAGES = List.of("local", "network", "config", "final");

    /** No pacing: stages run back to back (a manual run, an image build, tests). */
    StageGate NONE = new StageGate() {
        @Override
        public void awaitStart(String stage) {
        }

        @Override
        public void finished(String stage, int exitCode) {
        }
    };

    /** Blocks until the init system reaches {@code stage}. */
    void awaitStart(String stage) throws IOException;

    /** Reports the stage's exit code to whoever waits for it. */
    void finished(String stage, int exitCode) throws IOException;

    /**
     * A gate on FIFOs in {@code dir} (created 0700; FIFOs 0600 with {@code mkfifo}). Before the
     * FIFOs it writes {@code dir/pid}, this process's id, so a shim stops waiting if the process ends.
     *
     * @throws IOException if the directory, the pid file or the FIFOs cannot be made
     */
    static StageGate fifos(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path tmp = dir.resolve(".pid.tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve("pid"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        for (String stage : STAGES) {
            for (String end : List.of(".start", ".done")) {
                Path p = dir.resolve(stage + end);
                Files.deleteIfExists(p);
                mkfifo(p);
            }
        }
        return new StageGate() {
            @Override
            public void awaitStart(String stage) throws IOException {
                // opening a FIFO for reading blocks until the shim opens it for writing
                try (InputStream in = Files.newInputStream(dir.resolve(stage + ".start"))) {
                    in.readAllBytes();
                }
            }

            @Override
            public void finished(String stage, int exitCode) throws IOException {
                try (OutputStream out = Files.newOutputStream(dir.resolve(stage + ".done"))) {
                    out.write((exitCode + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
        };
    }

    private static void mkfifo(Path p) throws IOException {
        Process proc = new ProcessBuilder("mkfifo", "-m", "0600", p.toString()).redirectErrorStream(true).start();
        try {
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (proc.waitFor() != 0) {
                throw new IOException("mkfifo " + p + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making " + p, e);
        }
    }
}
