package io.nubis.runtime.internal.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;

class ChrootTargetTest {
    @TempDir
    Path tmp;

    Path root;
    /** A directory beside the root that nothing may reach. */
    Path outside;
    ChrootTarget t;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "outside secret\n");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        t = new ChrootTarget(root, false);
    }

    private void link(String at, String target) throws IOException {
        Path p = root.resolve(at.substring(1));
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    private String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private void assertOutsideUntouched() throws IOException {
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret")), s.toList());
        }
        assertEquals("outside secret\n", Files.readString(outside.resolve("secret")));
    }

    private List<String> hostNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // ---- resolution ------------------------------------------------------------------------

    @Test
    void dotDotNeverLeavesTheRoot() throws IOException {
        assertEquals(root.resolve("etc/passwd"), t.resolve("/../../etc/passwd"));
        assertEquals(root.resolve("etc/passwd"), t.resolve("/etc/../../../../etc/./passwd"));
        assertEquals(root, t.resolve("/.."));
        assertEquals(root, t.resolve("/"));
        assertEquals(root.resolve("etc"), t.resolve("//etc//"));
        assertEquals("root:x:0:0:root:/root:/bin/sh\n", t.readString("/../etc/passwd").orElseThrow());
    }

    @Test
    void relativeAndEmptyPathsAreRefused() {
        for (String bad : new String[] {"etc/passwd", "", "./x", "../x", "~root"}) {
            PathEscapeException e = assertThrows(PathEscapeException.class, () -> t.resolve(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(PathEscapeException.class, () -> t.resolve(null));
        assertThrows(PathEscapeException.class, () -> t.write("etc/hostname", new byte[0], FileAttributes.PUBLIC));
        PathEscapeException nul = assertThrows(PathEscapeException.class, () -> t.resolve("/etc/pass\0wd"));
        assertTrue(nul.getMessage().contains("NUL"), nul.getMessage());
        assertFalse(t.exists("etc/passwd"), "a relative path does not exist in the target");
    }

    @Test
    void absoluteSymlinksAreReRooted() throws IOException {
        link("/evil", "/etc");
        link("/hostpath", outside.toString());
        assertEquals(root.resolve("etc/passwd"), t.resolve("/evil/passwd"));
        assertEquals(root.resolve(outside.toString().substring(1)).resolve("secret"), t.resolve("/hostpath/secret"));
        assertFalse(t.exists("/hostpath/secret"), "the host path of a link is looked up inside the root");
    }

    @Test
    void relativeSymlinksResolveAgainstTheirDirectoryAndStopAtTheRoot() throws IOException {
        Files.createDirectories(root.resolve("usr/lib/os"));
        Files.writeString(root.resolve("usr/lib/os/release"), "ID=test\n");
        link("/etc/os-release", "../usr/lib/os/release");
        link("/etc/up", "../../../../../../outside");
        assertEquals(root.resolve("usr/lib/os/release"), t.resolve("/etc/os-release"));
        assertEquals("ID=test\n", t.readString("/etc/os-release").orElseThrow());
        assertEquals(root.resolve("outside/secret"), t.resolve("/etc/up/secret"));
        assertFalse(t.exists("/etc/up/secret"));
    }

    @Test
    void symlinkLoopsAreRefused() throws IOException {
        link("/a", "/b");
        link("/b", "a");
        link("/self", "self");
        for (String p : new String[] {"/a", "/b/x", "/self"}) {
            PathEscapeException e = assertThrows(PathEscapeException.class, () -> t.resolve(p));
            assertTrue(e.getMessage().contains("too many levels of symbolic links"), e.getMessage());
        }
        assertFalse(t.exists("/a"));
        assertThrows(PathEscapeException.class, () -> t.write("/a", new byte[] {1}, FileAttributes.PUBLIC));
    }

    @Test
    void chainsOfFortyLinksResolveAndFortyOneDoNot() throws IOException {
        Files.writeString(root.resolve("end"), "end");
        for (int i = 0; i < 41; i++) {
            link("/l" + i, i == 0 ? "/end" : "/l" + (i - 1));
        }
        assertEquals(root.resolve("end"), t.resolve("/l39"));
        assertThrows(PathEscapeException.class, () -> t.resolve("/l40"));
    }

    @Test
    void resolveFollowsLinksInTheMiddleAndAtTheEnd() throws IOException {
        Files.createDirectories(root.resolve("run/systemd/resolve"));
        link("/var/run", "../run");
        link("/etc/resolv.conf", "/var/run/systemd/resolve/stub-resolv.conf");
        assertEquals(root.resolve("run/systemd/resolve/stub-resolv.conf"), t.resolve("/etc/resolv.conf"));
        assertEquals(root.resolve("etc/resolv.conf"), t.resolveNoFollow("/etc/resolv.conf"));
        assertEquals(root.resolve("run/systemd/resolve/x"), t.resolveNoFollow("/var/run/systemd/resolve/x"));
    }

    // ---- writes ----------------------------------------------------------------------------

    @Test
    void writeCreatesParentsAndSetsTheExactMode() throws IOException {
        t.writeString("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n",
                FileAttributes.mode(0600));
        Path p = root.resolve("etc/ssh/sshd_config.d/50-cloud-init.conf");
        assertEquals("PasswordAuthentication no\n", Files.readString(p));
        assertEquals("rw-------", mode(p));
        assertEquals("rwxr-xr-x", mode(root.resolve("etc/ssh")));
        assertEquals("rwxr-xr-x", mode(root.resolve("etc/ssh/sshd_config.d")));
        assertEquals(0600, t.mode("/etc/ssh/sshd_config.d/50-cloud-init.conf"));

        t.writeString("/usr/local/bin/hello", "#!/bin/sh\n", FileAttributes.EXECUTABLE);
        assertEquals("rwxr-xr-x", mode(root.resolve("usr/local/bin/hello")));
        t.writeString("/etc/world", "x", FileAttributes.mode(0666));
        assertEquals("rw-rw-rw-", mode(root.resolve("etc/world")), "umask does not apply");
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        t.writeString("/etc/hostname", "one\n", FileAttributes.PUBLIC);
        Path p = root.resolve("etc/hostname");
        Object inode = Files.getAttribute(p, "unix:ino");
        t.writeString("/etc/hostname", "two\n", FileAttributes.PUBLIC);
        assertEquals("two\n", Files.readString(p));
        assertTrue(!inode.equals(Files.getAttribute(p, "unix:ino")), "replaced by rename, not rewritten");
        assertEquals(List.of("hostname", "passwd"), hostNames(root.resolve("etc")));
    }

    @Test
    void writeWithoutAttributesKeepsTheExistingMode() throws IOException {
        t.writeString("/etc/sudoers", "a\n", FileAttributes.mode(0440));
        t.write("/etc/sudoers", "b\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("r--r-----", mode(root.resolve("etc/sudoers")));
        t.write("/etc/new", "n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("rw-r--r--", mode(root.resolve("etc/new")));
    }

    @Test
    void setIdBitsAreKept() throws IOException {
        t.writeString("/usr/bin/tool", "x", FileAttributes.mode(04755));
        assertEquals(04755, t.mode("/usr/bin/tool"));
        t.chmod("/usr/bin/tool", 01777);
        assertEquals(01777, t.mode("/usr/bin/tool"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.writeString("/x", "x", FileAttributes.mode(0100644)));
        assertTrue(e.getMessage().contains("0100644"), e.getMessage());
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        ChrootTarget priv = new ChrootTarget(root, true);
        priv.writeString("/etc/motd", "old\n", FileAttributes.PUBLIC);
        IOException e = assertThrows(IOException.class,
                () -> priv.writeString("/etc/motd", "new\n", new FileAttributes(0644, "nobody-here", null)));
        assertTrue(e.getMessage().contains("no user 'nobody-here' in the target's /etc/passwd"), e.getMessage());
        assertEquals("old\n", Files.readString(root.resolve("etc/motd")));
        assertEquals(List.of("motd", "passwd"), hostNames(root.resolve("etc")));
    }

    @Test
    void writeThroughAFinalSymlinkWritesInsideTheRoot() throws IOException {
        link("/etc/hosts", outside.resolve("secret").toString());
        link("/etc/resolv.conf", "../../../outside/secret");
        t.writeString("/etc/hosts", "127.0.0.1 localhost\n", FileAttributes.PUBLIC);
        t.writeString("/etc/resolv.conf", "nameserver 10.0.0.1\n", FileAttributes.PUBLIC);
        assertOutsideUntouched();
        assertEquals("127.0.0.1 localhost\n",
                Files.readString(root.resolve(outside.toString().substring(1)).resolve("secret")));
        assertEquals("nameserver 10.0.0.1\n", Files.readString(root.resolve("outside/secret")));
        assertTrue(Files.isSymbolicLink(root.resolve("etc/hosts")), "the link itself stays");
    }

    @Test
    void writeThroughADirectorySymlinkPointingOutStaysInside() throws IOException {
        link("/evil", "/etc");
        link("/up", "../../../..");
        t.writeString("/evil/shadow", "root:*:1::::::\n", FileAttributes.PRIVATE);
        t.writeString("/up/outside/secret", "overwritten?\n", FileAttributes.PUBLIC);
        t.append("/up/outside/secret", "more\n".getBytes(StandardCharsets.UTF_8), FileAttributes.PUBLIC);
        t.mkdirs("/up/outside/newdir", 0755);
        t.symlink("/up/outside/newlink", "/etc/passwd");
        assertOutsideUntouched();
        assertEquals("root:*:1::::::\n", Files.readString(root.resolve("etc/shadow")));
        assertEquals("rw-------", mode(root.resolve("etc/shadow")));
        assertEquals("overwritten?\nmore\n", Files.readString(root.resolve("outside/secret")));
        assertTrue(Files.isDirectory(root.resolve("outside/newdir")));
    }

    @Test
    void writeOntoADirectoryOrUnderAFileFails() throws IOException {
        FileSystemException dir = assertThrows(FileSystemException.class,
                () -> t.writeString("/etc", "x", FileAttributes.PUBLIC));
        assertTrue(dir.getMessage().contains("is a directory"), dir.getMessage());
        FileSystemException under = assertThrows(FileSystemException.class,
                () -> t.writeString("/etc/passwd/x", "x", FileAttributes.PUBLIC));
        assertTrue(under.getMessage().contains("/etc/passwd exists and is not a directory"), under.getMessage());
        assertThrows(FileSystemException.class, () -> t.writeString("/", "x", FileAttributes.PUBLIC));
    }

    @Test
    void appendCreatesWithAttributesThenAppends() throws IOException {
        t.append("/var/log/x.log", "a\n".getBytes(StandardCharsets.UTF_8), FileAttributes.mode(0640));
        t.append("/var/log/x.log", "b\n".getBytes(StandardCharsets.UTF_8), FileAttributes.mode(0600));
        assertEquals("a\nb\n", Files.readString(root.resolve("var/log/x.log")));
        assertEquals("rw-r-----", mode(root.resolve("var/log/x.log")), "attributes apply on creation only");
    }

    // ---- directories, links, deletion ------------------------------------------------------

    @Test
    void mkdirsCreatesParentsAndLeavesExistingDirectoriesAlone() throws IOException {
        t.mkdirs("/var/lib/cloud/instances/iid-1/sem", 0700);
        assertEquals("rwx------", mode(root.resolve("var/lib/cloud/instances/iid-1/sem")));
        assertEquals("rwxr-xr-x", mode(root.resolve("var/lib/cloud")));
        Files.setPosixFilePermissions(root.resolve("etc"), PosixFilePermissions.fromString("rwxr-x---"));
        t.mkdirs("/etc", 0700);
        assertEquals("rwxr-x---", mode(root.resolve("etc")));
        assertThrows(FileSystemException.class, () -> t.mkdirs("/etc/passwd", 0755));
    }

    @Test
    void symlinkIsStoredVerbatimAndReplaced() throws IOException {
        t.symlink("/etc/localtime", "/usr/share/zoneinfo/UTC");
        assertEquals(Path.of("/usr/share/zoneinfo/UTC"), Files.readSymbolicLink(root.resolve("etc/localtime")));
        t.symlink("/etc/localtime", "../usr/share/zoneinfo/Europe/Paris");
        assertEquals(Path.of("../usr/share/zoneinfo/Europe/Paris"),
                Files.readSymbolicLink(root.resolve("etc/localtime")));
        t.symlink("/new/dir/link", "x");
        assertTrue(Files.isSymbolicLink(root.resolve("new/dir/link")));
        assertThrows(IllegalArgumentException.class, () -> t.symlink("/l", ""));
        assertThrows(FileSystemException.class, () -> t.symlink("/etc", "x"));
        assertEquals(List.of("localtime", "passwd"), hostNames(root.resolve("etc")));
    }

    @Test
    void deleteRemovesALinkNotItsTarget() throws IOException {
        Files.writeString(root.resolve("etc/real"), "keep");
        link("/etc/alias", "real");
        assertTrue(t.delete("/etc/alias"));
        assertFalse(Files.exists(root.resolve("etc/alias"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep", Files.readString(root.resolve("etc/real")));
        assertFalse(t.delete("/etc/alias"));
        assertThrows(DirectoryNotEmptyException.class, () -> t.delete("/etc"));
        assertThrows(FileSystemException.class, () -> t.delete("/.."));
    }

    @Test
    void deleteTreeNeverFollowsSymlinks() throws IOException {
        Files.createDirectories(root.resolve("var/lib/cloud/instances/a"));
        Files.writeString(root.resolve("var/lib/cloud/instances/a/file"), "x");
        link("/var/lib/cloud/instance", "/var/lib/cloud/instances/a");
        link("/var/lib/cloud/out-abs", outside.toString());
        link("/var/lib/cloud/out-rel", "../../../../../outside");
        link("/keep-link", "/etc");

        t.deleteTree("/keep-link");
        assertFalse(Files.exists(root.resolve("keep-link"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isRegularFile(root.resolve("etc/passwd")), "a link at the top is removed, not followed");

        t.deleteTree("/var/lib/cloud");
        assertFalse(Files.exists(root.resolve("var/lib/cloud"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(root.resolve("var/lib")));
        assertOutsideUntouched();
        t.deleteTree("/does/not/exist");
        assertThrows(FileSystemException.class, () -> t.deleteTree("/"));
        assertThrows(FileSystemException.class, () -> t.deleteTree("/../.."));
    }

    @Test
    void listIsSortedAndEmptyForAMissingDirectory() throws IOException {
        Files.writeString(root.resolve("etc/b"), "");
        Files.writeString(root.resolve("etc/a"), "");
        link("/etc/c", "/nowhere");
        assertEquals(List.of("a", "b", "c", "passwd"), t.list("/etc"));
        assertEquals(List.of(), t.list("/etc/cloud/cloud.cfg.d"));
        assertThrows(IOException.class, () -> t.list("/etc/passwd"));
    }

    @Test
    void readAndExistence() throws IOException {
        assertArrayEquals("root:x:0:0:root:/root:/bin/sh\n".getBytes(StandardCharsets.UTF_8), t.read("/etc/passwd"));
        assertEquals(Optional.empty(), t.readString("/etc/missing"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> t.read("/etc/missing"));
        assertTrue(e.getMessage().contains("/etc/missing"), e.getMessage());
        assertThrows(FileSystemException.class, () -> t.read("/etc"));
        assertTrue(t.isDirectory("/etc"));
        assertFalse(t.isDirectory("/etc/passwd"));
        link("/dangling", "/nowhere");
        assertFalse(t.exists("/dangling"));
    }

    // ---- ownership -------------------------------------------------------------------------

    @Test
    void chownIsANoOpWithoutPrivileges() throws IOException {
        t.writeString("/home/alice/.ssh/authorized_keys", "ssh-ed25519 AAAA\n", new FileAttributes(0600, "alice", "alice"));
        Path p = root.resolve("home/alice/.ssh/authorized_keys");
        int me = (Integer) Files.getAttribute(tmp, "unix:uid");
        assertEquals(me, Files.getAttribute(p, "unix:uid"));
        t.chown("/home/alice/.ssh/authorized_keys", "alice", null);
        assertEquals(me, Files.getAttribute(p, "unix:uid"));
        assertThrows(NoSuchFileException.class, () -> t.chown("/missing", "alice", null));
    }

    @Test
    void chownLooksNamesUpInTheTargetNotTheHost() throws IOException {
        assumeTrue(Privileges.isRoot(), "changing owners needs uid 0");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nalice:x:4242:4343::/home/alice:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nstaff:x:5151:alice\n");
        ChrootTarget priv = new ChrootTarget(root, true);
        priv.writeString("/home/alice/f", "x", new FileAttributes(0640, "alice", "staff"));
        Path p = root.resolve("home/alice/f");
        assertEquals(4242, Files.getAttribute(p, "unix:uid"));
        assertEquals(5151, Files.getAttribute(p, "unix:gid"));
        assertEquals("rw-r-----", mode(p));
        priv.chown("/home/alice/f", "123", null);
        assertEquals(123, Files.getAttribute(p, "unix:uid"));
        assertEquals(5151, Files.getAttribute(p, "unix:gid"), "a null group is kept");
        priv.write("/home/alice/f", new byte[] {1}, null);
        assertEquals(123, Files.getAttribute(p, "unix:uid"), "a write without attributes keeps the owner");
        IOException e = assertThrows(IOException.class, () -> priv.chown("/home/alice/f", null, "wheel"));
        assertTrue(e.getMessage().contains("no group 'wheel' in the target's /etc/group"), e.getMessage());
    }

    @Test
    void unknownOwnerNamesFailWhenPrivileged() throws IOException {
        ChrootTarget priv = new ChrootTarget(root, true);
        Files.writeString(root.resolve("f"), "x");
        IOException e = assertThrows(IOException.class, () -> priv.chown("/f", "bob", null));
        assertEquals("no user 'bob' in the target's /etc/passwd", e.getMessage());
        IOException g = assertThrows(IOException.class, () -> priv.chown("/f", null, "adm"));
        assertEquals("no group 'adm': the target has no /etc/group", g.getMessage());
    }

    @Test
    void theRootMustBeADirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "");
        assertThrows(IOException.class, () -> new ChrootTarget(file, false));
        assertThrows(IOException.class, () -> new ChrootTarget(tmp.resolve("missing"), false));
        Path viaLink = Files.createSymbolicLink(tmp.resolve("rootlink"), root);
        assertEquals(root.toRealPath(), new ChrootTarget(viaLink, false).root());
    }

    @Test
    void temporaryNamesAreHiddenAndBounded() {
        String n = ChrootTarget.tempName("x".repeat(255));
        assertTrue(n.startsWith(".xxx") && n.endsWith(".tmp") && n.length() < 255, n);
    }
}
