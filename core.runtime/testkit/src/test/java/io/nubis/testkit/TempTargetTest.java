package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.target.FileAttributes;

class TempTargetTest {
    @TempDir
    Path dir;

    @Test
    void seedsFilesUsersAndPrograms() throws Exception {
        TempTarget t = TempTarget.in(dir)
                .user("alice", 1000)
                .group("wheel", 10, "alice", "bob")
                .file("/etc/hostname", "old\n")
                .file("/etc/shadow", "", 0640)
                .executable("/usr/sbin/useradd")
                .link("/etc/localtime", "/usr/share/zoneinfo/UTC")
                .dir("/home/alice");
        assertEquals("alice:x:1000:1000::/home/alice:/bin/sh\n", t.text("/etc/passwd"));
        assertEquals("alice:x:1000:\nwheel:x:10:alice,bob\n", t.text("/etc/group"));
        assertEquals(0640, t.mode("/etc/shadow"));
        assertEquals(Optional.of("/usr/sbin/useradd"), new RecordingRunner(t).which("useradd"));
        assertEquals(Path.of("/usr/share/zoneinfo/UTC"), Files.readSymbolicLink(dir.resolve("etc/localtime")));
        assertTrue(Files.isDirectory(dir.resolve("home/alice")));
        AssertionError missing = assertThrows(AssertionError.class, () -> t.text("/etc/missing"));
        assertTrue(missing.getMessage().startsWith("no file /etc/missing in the target"), missing.getMessage());
    }

    @Test
    void remembersRequestedOwnershipWithoutChangingIt() throws Exception {
        TempTarget t = TempTarget.in(dir);
        t.writeString("/home/alice/.ssh/authorized_keys", "k\n", new FileAttributes(0600, "alice", "alice"));
        assertEquals(Optional.of("alice:alice"), t.owner("/home/alice/.ssh/authorized_keys"));
        t.chown("/home/alice/.ssh/authorized_keys", null, "staff");
        assertEquals(Optional.of("alice:staff"), t.owner("/home/alice/.ssh/authorized_keys"));
        t.writeString("/etc/motd", "hi", FileAttributes.PUBLIC);
        assertEquals(Optional.empty(), t.owner("/etc/motd"));
        t.chown("/etc/motd", null, "adm");
        assertEquals(Optional.of(":adm"), t.owner("/etc/motd"));
        t.delete("/etc/motd");
        assertEquals(Optional.empty(), t.owner("/etc/motd"));
        int me = (Integer) Files.getAttribute(dir, "unix:uid");
        assertEquals(me, Files.getAttribute(t.host("/home/alice/.ssh/authorized_keys"), "unix:uid"));
    }

    @Test
    void pathsStayInsideTheTemporaryRoot() throws Exception {
        TempTarget t = TempTarget.in(dir).link("/etc", "/../../..");
        t.writeString("/etc/../../passwd", "x", FileAttributes.PUBLIC);
        assertEquals(dir.toRealPath().resolve("passwd"), t.host("/etc/passwd"));
        assertEquals("x", Files.readString(dir.resolve("passwd")));
        assertFalse(t.exists("etc/passwd"));
    }

    @Test
    void appliesPlannedFileStepsInOrderAndRefusesCommands() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/old", "x\n");
        t.apply(List.of(new Step.Mkdir("/etc/sudoers.d", 0750),
                new Step.Write("/etc/sudoers.d/90-nubis", "alice ALL=(ALL) ALL\n", FileAttributes.mode(0440)),
                new Step.Append("/etc/sudoers.d/90-nubis", "bob ALL=(ALL) ALL\n", FileAttributes.mode(0440)),
                new Step.Delete("/etc/old")));
        assertEquals(0750, t.mode("/etc/sudoers.d"));
        assertEquals(0440, t.mode("/etc/sudoers.d/90-nubis"));
        assertEquals("alice ALL=(ALL) ALL\nbob ALL=(ALL) ALL\n", t.text("/etc/sudoers.d/90-nubis"));
        assertFalse(t.exists("/etc/old"));
        IllegalArgumentException run = assertThrows(IllegalArgumentException.class,
                () -> t.apply(List.of(new Step.Write("/etc/never", "", FileAttributes.PUBLIC), Step.run("true"))));
        assertEquals("cannot apply run 'true' to a target", run.getMessage());
        assertFalse(t.exists("/etc/never"), "nothing is applied when a step runs a command");
    }
}
