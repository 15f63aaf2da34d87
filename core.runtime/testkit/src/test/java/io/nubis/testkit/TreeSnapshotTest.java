package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
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
    void recordsTypesModesContentsAndLinks() {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "box\n", 0600).link("/etc/localtime", "/usr/share/zoneinfo/UTC");
        Map<String, String> snap = TreeSnapshot.of(dir);
        assertEquals("file rw------- " + Base64.getEncoder().encodeToString("box\n".getBytes(StandardCharsets.UTF_8)),
                snap.get("/etc/hostname"));
        assertEquals("link /usr/share/zoneinfo/UTC", snap.get("/etc/localtime"));
        assertEquals("dir rwxr-xr-x", snap.get("/etc"));
        assertEquals(4, snap.size(), snap.toString());
        t.file("/etc/hostname", "box\n", 0644);
        assertNotEquals(snap, TreeSnapshot.of(dir), "a mode change shows");
    }

    @Test
    void withIdentityAlsoSeesARewriteWithTheSameContent() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "box\n");
        Map<String, String> plain = TreeSnapshot.of(dir);
        Map<String, String> strict = TreeSnapshot.withIdentity(dir);
        t.write("/etc/hostname", "box\n".getBytes(StandardCharsets.UTF_8), FileAttributes.PUBLIC);
        assertEquals(plain, TreeSnapshot.of(dir));
        assertNotEquals(strict, TreeSnapshot.withIdentity(dir), "an atomic replace gives a new inode");
    }
}
