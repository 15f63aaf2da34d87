package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.target.FileAttributes;

class TreeSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void recordsTypesModesContentsLinksAndFileIdentity() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "box\n", 0600).link("/etc/localtime", "/usr/share/zoneinfo/UTC");
        Path host = dir.resolve("etc/hostname");
        Map<String, String> snap = TreeSnapshot.of(dir);
        assertEquals("file rw------- " + Base64.getEncoder().encodeToString("box\n".getBytes(StandardCharsets.UTF_8))
                + " " + Files.getLastModifiedTime(host).toMillis() + " " + Files.getAttribute(host, "unix:ino"),
                snap.get("/etc/hostname"));
        assertEquals("link /usr/share/zoneinfo/UTC", snap.get("/etc/localtime"));
        assertEquals("dir rwxr-xr-x", snap.get("/etc"));
        assertEquals(4, snap.size(), snap.toString());
        assertEquals(snap, TreeSnapshot.of(dir), "nothing changed");
        t.chmod("/etc/hostname", 0644);
        assertNotEquals(snap, TreeSnapshot.of(dir), "a mode change shows");
    }

    @Test
    void aRewriteWithTheSameContentShows() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "box\n");
        Map<String, String> before = TreeSnapshot.of(dir);
        t.write("/etc/hostname", "box\n".getBytes(StandardCharsets.UTF_8), FileAttributes.PUBLIC);
        assertNotEquals(before, TreeSnapshot.of(dir), "an atomic replace gives a new inode");
    }
}
