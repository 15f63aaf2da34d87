package io.nubis.runtime.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.runtime.internal.target.ChrootTarget;

class PlanRunnerTest {
    @TempDir
    Path root;

    @Test
    void recordsCommandsInOrderWithoutRunningThem() throws Exception {
        PlanRunner plan = new PlanRunner(new ChrootTarget(root, false), false);
        CommandResult r = plan.run(Command.of("touch", root.resolve("created").toString()));
        plan.run(Command.of("chpasswd").withStdin("alice:pw".getBytes()).asSensitive());
        plan.run(Command.of("ssh-keygen", "-t", "ed25519").as("alice"));
        assertEquals(List.of(new PlannedCommand("touch " + root.resolve("created"), false, null),
                new PlannedCommand("chpasswd <redacted>", true, null),
                new PlannedCommand("ssh-keygen -t ed25519", false, "alice")), plan.recorded());
        assertEquals("ssh-keygen -t ed25519 (as alice)", plan.recorded().get(2).toString());
        assertEquals(0, r.exitCode());
        assertEquals("", r.out());
        assertFalse(r.executed());
        assertTrue(plan.planMode());
        assertFalse(Files.exists(root.resolve("created")));
    }

    @Test
    void reservedRunnersListTheirCommandsWhereTheyWereReservedWhateverTheOrderTheyRunIn() throws Exception {
        PlanRunner plan = new PlanRunner(new ChrootTarget(root, false), true);
        plan.run(Command.of("first"));
        CommandRunner a = plan.reserve();
        CommandRunner b = plan.reserve();
        plan.run(Command.of("last"));
        b.run(Command.of("b1"));
        a.run(Command.of("a1"));
        b.run(Command.of("b2"));
        assertTrue(a.planMode());
        assertEquals(Optional.of("/usr/bin/x"), a.which("x"));
        assertEquals(List.of("first", "a1", "b1", "b2", "last"),
                plan.recorded().stream().map(PlannedCommand::display).toList());
    }

    @Test
    void whichLooksInTheTargetOrAssumesPresence() throws Exception {
        Path p = root.resolve("usr/sbin/useradd");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        PlanRunner strict = new PlanRunner(new ChrootTarget(root, false), false);
        PlanRunner lenient = new PlanRunner(new ChrootTarget(root, false), true);
        assertEquals(Optional.of("/usr/sbin/useradd"), strict.which("useradd"));
        assertEquals(Optional.empty(), strict.which("adduser"));
        assertEquals(Optional.of("/usr/sbin/useradd"), lenient.which("useradd"));
        assertEquals(Optional.of("/usr/bin/adduser"), lenient.which("adduser"));
        assertEquals(Optional.of("/opt/bin/x"), lenient.which("/opt/bin/x"));
    }
}
