package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.target.FileAttributes;

class RecordingRunnerTest {
    @TempDir
    Path dir;

    @Test
    void recordsCommandsAndAnswersFromScripts() throws Exception {
        RecordingRunner r = new RecordingRunner()
                .on(Pattern.compile("^ssh-keygen -lf /etc/ssh/ssh_host_rsa"), RecordingRunner.result(0, "3072 SHA256:rsa\n", ""))
                .onOutput("ssh-keygen", "256 SHA256:any\n")
                .onOutput("ssh-keygen", "never used: the first match wins\n");
        assertEquals("3072 SHA256:rsa\n", r.run(Command.of("ssh-keygen", "-lf", "/etc/ssh/ssh_host_rsa_key.pub")).out());
        assertEquals("256 SHA256:any\n", r.run(Command.of("/usr/bin/ssh-keygen", "-lf", "/x")).out());
        assertEquals("", r.run(Command.of("true")).out());
        r.run(Command.of("chpasswd").withStdin("alice:pw\n".getBytes(StandardCharsets.UTF_8)).asSensitive());
        assertEquals(List.of("ssh-keygen -lf /etc/ssh/ssh_host_rsa_key.pub", "/usr/bin/ssh-keygen -lf /x", "true", "chpasswd"),
                r.commandLines());
        assertArrayEquals("alice:pw\n".getBytes(StandardCharsets.UTF_8), r.commands().get(3).stdin());
        r.clear();
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void failuresThrowLikeTheRealRunner() throws Exception {
        RecordingRunner r = new RecordingRunner().onFailure("passwd", 3, "passwd: password unchanged\n");
        CommandException e = assertThrows(CommandException.class, () -> r.run(Command.of("passwd", "-l", "alice")));
        assertEquals("command [passwd -l alice] exited with code 3 (expected 0): passwd: password unchanged", e.getMessage());
        assertEquals(3, e.result().exitCode());
        assertEquals(3, r.run(Command.of("passwd", "-l", "alice").okOn(3)).exitCode());
        assertEquals(2, r.commands().size());
    }

    @Test
    void whichKnowsDeclaredPrograms() throws Exception {
        RecordingRunner r = new RecordingRunner().present("useradd", "/opt/bin/tool");
        assertEquals(Optional.of("/usr/bin/useradd"), r.which("useradd"));
        assertEquals(Optional.of("/opt/bin/tool"), r.which("/opt/bin/tool"));
        assertEquals(Optional.empty(), r.which("adduser"));
        assertEquals(false, r.planMode());
        assertEquals(false, r.planMode(true).run(Command.of("x")).executed());
    }

    @Test
    void simulatedProgramsChangeTheTargetExceptInPlanMode() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).on("update-locale", c -> {
            t.writeString("/etc/default/locale", c.argv().get(1) + "\n", FileAttributes.PUBLIC);
            return RecordingRunner.result(c.argv().get(1).isEmpty() ? 1 : 0, "", "no locale\n");
        }).on("broken", c -> {
            throw new IOException("disk full");
        });
        assertEquals("no locale\n", r.run(Command.of("/usr/sbin/update-locale", "LANG=C")).err());
        assertEquals("LANG=C\n", t.text("/etc/default/locale"));
        CommandException failed = assertThrows(CommandException.class, () -> r.run(Command.of("update-locale", "")));
        assertEquals("command [update-locale ''] exited with code 1 (expected 0): no locale", failed.getMessage());
        UncheckedIOException broken = assertThrows(UncheckedIOException.class, () -> r.run(Command.of("broken")));
        assertEquals("simulated broken failed: disk full", broken.getMessage());
        r.planMode(true).run(Command.of("update-locale", "LANG=de_DE.UTF-8"));
        assertEquals("\n", t.text("/etc/default/locale"), "not run in plan mode");
        assertEquals(List.of("/usr/sbin/update-locale LANG=C", "update-locale ", "broken", "update-locale LANG=de_DE.UTF-8"),
                r.commandLines());
    }
}
