package io.nubis.runtime.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.target.ChrootTarget;

class StepApplierTest {
    @TempDir
    Path root;

    ChrootTarget target;
    PlanRunner plan;

    @BeforeEach
    void setUp() throws Exception {
        target = new ChrootTarget(root, false);
        plan = new PlanRunner(target, true);
    }

    @Test
    void appliesEveryStepInOrder() throws Exception {
        Files.writeString(root.resolve("old"), "x");
        new StepApplier(target, plan).apply(List.of(
                new Step.Mkdir("/etc/doas.d", 0750),
                new Step.Write("/etc/doas.d/cloud.conf", "permit nopass alice\n", FileAttributes.mode(0400)),
                new Step.Append("/etc/doas.d/cloud.conf", "permit bob\n", FileAttributes.PUBLIC),
                Step.run("rc-service", "sshd", "restart"),
                new Step.Delete("/old"),
                new Step.Run(Command.of("chpasswd").asSensitive())));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/doas.d"))));
        assertEquals("permit nopass alice\npermit bob\n", Files.readString(root.resolve("etc/doas.d/cloud.conf")));
        assertEquals("r--------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/doas.d/cloud.conf"))));
        assertFalse(Files.exists(root.resolve("old")));
        assertEquals(List.of("rc-service sshd restart", "chpasswd <redacted>"),
                plan.recorded().stream().map(PlannedCommand::display).toList());
    }

    @Test
    void stopsAtTheFirstFailureNamingTheStep() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "");
        StepException e = assertThrows(StepException.class, () -> new StepApplier(target, plan).apply(List.of(
                Step.run("first"),
                new Step.Write("/etc/passwd/x", "x", FileAttributes.PUBLIC),
                Step.run("never"))));
        assertEquals(1, e.index());
        assertEquals("step 2 of 3 (write /etc/passwd/x) failed: /etc/passwd/x: /etc/passwd exists and is not a directory",
                e.getMessage());
        assertEquals(List.of("first"), plan.recorded().stream().map(PlannedCommand::display).toList());
    }

    @Test
    void aFailingCommandNamesTheCommand() {
        List<Command> ran = new ArrayList<>();
        CommandRunner failing = new CommandRunner() {
            @Override
            public CommandResult run(Command c) throws CommandException {
                ran.add(c);
                throw new CommandException("command [" + c.display() + "] exited with code 1 (expected 0)",
                        new CommandResult(1, new byte[0], new byte[0], true));
            }

            @Override
            public boolean planMode() {
                return false;
            }

            @Override
            public Optional<String> which(String program) {
                return Optional.empty();
            }
        };
        StepException e = assertThrows(StepException.class, () -> new StepApplier(target, failing)
                .apply(List.of(Step.run("useradd", "alice"), Step.run("passwd", "-l", "alice"))));
        assertEquals("step 1 of 2 (run 'useradd alice') failed: command [useradd alice] exited with code 1 (expected 0)",
                e.getMessage());
        assertInstanceOf(CommandException.class, e.getCause());
        assertEquals(1, ran.size());
    }

    @Test
    void nullsAreClearErrors() {
        StepException e = assertThrows(StepException.class,
                () -> new StepApplier(target, plan).apply(List.of(new Step.Write("/x", null, FileAttributes.PUBLIC))));
        assertEquals("step 1 of 1 (write /x) failed: no content given", e.getMessage());
        List<Step> withNull = new ArrayList<>();
        withNull.add(null);
        StepException n = assertThrows(StepException.class, () -> new StepApplier(target, plan).apply(withNull));
        assertEquals("step 1 of 1 (null) failed: no step given", n.getMessage());
    }
}
