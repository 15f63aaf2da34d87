package io.nubis.runtime.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.logging.LogOutput;
import io.nubis.runtime.internal.target.ChrootTarget;

/** Runs harmless commands (sh, env, cat, sleep) on the host: the target root is {@code /}. */
class ExecRunnerTest {
    @TempDir
    Path tmp;

    ExecRunner host;

    @BeforeEach
    void setUp() throws IOException {
        host = new ExecRunner(new ChrootTarget(Path.of("/"), false), false, ExecRunner.MAX_OUTPUT);
    }

    @Test
    void capturesStdoutAndStderr() throws Exception {
        CommandResult r = host.run(Command.of("sh", "-c", "echo out; echo err >&2"));
        assertEquals(0, r.exitCode());
        assertEquals("out\n", r.out());
        assertEquals("err\n", r.err());
        assertTrue(r.executed());
        assertFalse(host.planMode());
    }

    @Test
    void feedsStdinAndClosesItWhenThereIsNone() throws Exception {
        assertEquals("alice:pw\n", host.run(Command.of("cat").withStdin("alice:pw\n".getBytes(StandardCharsets.UTF_8))).out());
        assertEquals("", host.run(Command.of("cat").withTimeout(Duration.ofSeconds(20))).out());
    }

    @Test
    void environmentIsMinimalPlusTheCommandsOwn() throws Exception {
        CommandResult r = host.run(Command.of("env").withEnv("DEBIAN_FRONTEND", "noninteractive"));
        assertEquals(Set.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
                "DEBIAN_FRONTEND=noninteractive"), Set.copyOf(r.out().lines().toList()));
        assertEquals("LANG=C", host.run(Command.of("env").withEnv("LANG", "C")).out().lines()
                .filter(l -> l.startsWith("LANG=")).findFirst().orElseThrow(), "the command's variables win");
    }

    @Test
    void argumentsArePassedVerbatim() throws Exception {
        CommandResult r = host.run(Command.of("printf", "%s|\\n", "a b", "${HOME}", "\"q\"", "it's", "", "*"));
        assertEquals("a b|\n${HOME}|\n\"q\"|\nit's|\n|\n*|\n", r.out());
    }

    @Test
    void unexpectedExitCodeFailsWithTheFirstLinesOfStderr() {
        Command c = Command.of("sh", "-c", "for i in 1 2 3 4 5 6 7; do echo line$i >&2; done; exit 3");
        CommandException e = assertThrows(CommandException.class, () -> host.run(c));
        assertEquals("command [sh -c 'for i in 1 2 3 4 5 6 7; do echo line$i >&2; done; exit 3'] exited with code 3"
                + " (expected 0): line1\nline2\nline3\nline4\nline5\n... (2 more lines)", e.getMessage());
        assertEquals(3, e.result().exitCode());
        assertTrue(e.result().executed());
    }

    @Test
    void okCodesAreSuccess() throws Exception {
        assertEquals(3, host.run(Command.of("sh", "-c", "exit 3").okOn(3)).exitCode());
        Command onlyThree = new Command(List.of("sh", "-c", "exit 0"), null, null, null, null, Set.of(3), false);
        CommandException e = assertThrows(CommandException.class, () -> host.run(onlyThree));
        assertEquals("command [sh -c 'exit 0'] exited with code 0 (expected 3)", e.getMessage());
        CommandException m = assertThrows(CommandException.class, () -> host.run(Command.of("false").okOn(3)));
        assertEquals("command [false] exited with code 1 (expected one of [0, 3])", m.getMessage());
    }

    @Test
    void sensitiveCommandsKeepTheirSecretsOutOfMessagesAndLogs() throws Exception {
        Path log = tmp.resolve("cloud-init.log");
        LogOutput.logFile(log);
        try {
            Command c = Command.of("sh", "-c", "echo hunter2-err >&2; exit 1", "hunter2-arg").asSensitive();
            CommandException e = assertThrows(CommandException.class, () -> host.run(c));
            assertEquals("command [sh <redacted>] exited with code 1 (expected 0)", e.getMessage());
            host.run(Command.of("cat").withStdin("hunter2-stdin".getBytes(StandardCharsets.UTF_8)).asSensitive());
            host.run(Command.of("echo", "visible"));
            LogOutput.flush();
            String text = Files.readString(log);
            assertFalse(text.contains("hunter2"), text);
            assertTrue(text.contains("ExecRunner[DEBUG]: Running command sh <redacted>\n"), text);
            assertTrue(text.contains("ExecRunner[DEBUG]: Running command echo visible\n"), text);
            assertTrue(text.contains("ExecRunner[DEBUG]: Command echo visible exited with code 0 after "), text);
        } finally {
            LogOutput.close();
        }
    }

    @Test
    void timeoutKillsTheCommand() {
        long start = System.nanoTime();
        CommandException e = assertThrows(CommandException.class,
                () -> host.run(Command.of("sleep", "30").withTimeout(Duration.ofMillis(300))));
        assertEquals("command [sleep 30] timed out after 300 ms and was killed", e.getMessage());
        assertTrue(System.nanoTime() - start < 20_000_000_000L);
    }

    @Test
    void aMissingProgramCannotStart() {
        CommandException e = assertThrows(CommandException.class, () -> host.run(Command.of("no-such-program-nubis")));
        assertTrue(e.getMessage().startsWith("cannot run 'no-such-program-nubis': "), e.getMessage());
        assertNull(e.result());
    }

    @Test
    void outputIsBounded() throws Exception {
        ExecRunner small = new ExecRunner(new ChrootTarget(Path.of("/"), false), false, 1000);
        CommandResult r = small.run(Command.of("head", "-c", "5000", "/dev/zero"));
        assertEquals(1000, r.stdout().length);
    }

    @Test
    void anotherRootNeedsChrootAndUidZero() throws Exception {
        ChrootTarget target = new ChrootTarget(tmp, false);
        ExecRunner unprivileged = new ExecRunner(target, false, ExecRunner.MAX_OUTPUT);
        CommandException e = assertThrows(CommandException.class, () -> unprivileged.run(Command.of("true")));
        assertEquals("cannot run 'true' inside target root " + tmp.toRealPath()
                + ": chroot needs uid 0 and the agent is not running as root", e.getMessage());
        assertNull(e.result());
        ExecRunner privileged = new ExecRunner(target, true, ExecRunner.MAX_OUTPUT);
        assertEquals(List.of("chroot", tmp.toRealPath().toString(), "hostname", "-F", "/etc/hostname"),
                privileged.argv(Command.of("hostname", "-F", "/etc/hostname")));
        assertEquals(List.of("true"), host.argv(Command.of("true")), "no chroot for the root /");
    }

    private static void executable(Path root, String path) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void runAsUsesRunuserWhenTheTargetHasIt() throws Exception {
        executable(tmp, "/usr/sbin/runuser");
        ExecRunner r = new ExecRunner(new ChrootTarget(tmp, true), true, ExecRunner.MAX_OUTPUT);
        assertEquals(List.of("chroot", tmp.toRealPath().toString(), "runuser", "-u", "alice", "--", "id", "-u"),
                r.argv(Command.of("id", "-u").as("alice")));
    }

    @Test
    void runAsFallsBackToSuWithQuotedArguments() throws Exception {
        ExecRunner r = new ExecRunner(new ChrootTarget(tmp, true), true, ExecRunner.MAX_OUTPUT);
        assertEquals(List.of("chroot", tmp.toRealPath().toString(), "su", "-m", "alice", "-c",
                "'ssh-keygen' '-C' 'it'\\''s $HOME' ''"), r.argv(Command.of("ssh-keygen", "-C", "it's $HOME", "").as("alice")));
        assertEquals("'a'\\''b'", ExecRunner.shellJoin(List.of("a'b")));
        CommandResult quoted = host.run(Command.of("sh", "-c", ExecRunner.shellJoin(List.of("printf", "%s|", "it's $HOME", "a\"b"))));
        assertEquals("it's $HOME|a\"b|", quoted.out(), "the quoting survives a real POSIX shell");
    }

    @Test
    void whichSearchesThePathInsideTheTarget() throws Exception {
        executable(tmp, "/usr/bin/foo");
        executable(tmp, "/sbin/foo");
        Path notExec = tmp.resolve("usr/sbin/bar");
        Files.createDirectories(notExec.getParent());
        Files.writeString(notExec, "");
        Files.createDirectories(tmp.resolve("usr/local"));
        Files.createSymbolicLink(tmp.resolve("usr/local/bin"), Path.of("/usr/bin"));
        ExecRunner r = new ExecRunner(new ChrootTarget(tmp, false), false, ExecRunner.MAX_OUTPUT);
        assertEquals(Optional.of("/usr/local/bin/foo"), r.which("foo"), "first PATH entry wins, links followed inside");
        assertEquals(Optional.empty(), r.which("bar"), "not executable");
        assertEquals(Optional.of("/sbin/foo"), r.which("/sbin/foo"));
        assertEquals(Optional.empty(), r.which("sbin/foo"));
        assertEquals(Optional.empty(), r.which("sh"), "the host's programs are not the target's");
        assertEquals(Optional.empty(), r.which(""));
    }
}
