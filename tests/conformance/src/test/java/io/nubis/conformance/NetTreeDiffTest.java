package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree comparison and the first differing lines. */
class NetTreeDiffTest {
    @TempDir
    Path tmp;

    private Path write(String tree, String file, String content) throws Exception {
        Path p = tmp.resolve(tree).resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    @Test
    void equalTreesHaveNoDifferences() throws Exception {
        write("a", "etc/network/interfaces.d/50-cloud-init", "auto lo\niface lo inet loopback\n");
        write("b", "etc/network/interfaces.d/50-cloud-init", "auto lo\niface lo inet loopback\n");
        Files.createDirectories(tmp.resolve("b/etc/empty-dir"));
        assertEquals(List.of(), NetTreeDiff.compare(tmp.resolve("a"), tmp.resolve("b")));
    }

    @Test
    void missingExtraAndChangedFilesAreReported() throws Exception {
        write("a", "etc/systemd/network/10-cloud-init-eth0.network", "[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n");
        write("b", "etc/systemd/network/10-cloud-init-eth0.network", "[Match]\nName=eth0\n\n[Network]\nDHCP=yes\n");
        write("a", "etc/udev/rules.d/70-persistent-net.rules", "");
        write("b", "etc/systemd/network/10-cloud-init-bond0.netdev", "[NetDev]\nName=bond0\nKind=bond\n");
        List<NetTreeDiff.FileDiff> d = NetTreeDiff.compare(tmp.resolve("a"), tmp.resolve("b"));
        assertEquals(3, d.size(), d.toString());
        assertEquals("etc/systemd/network/10-cloud-init-bond0.netdev", d.get(0).file());
        assertEquals(NetTreeDiff.FileDiff.ONLY_NUBIS, d.get(0).what());
        assertEquals(NetTreeDiff.FileDiff.DIFFERENT, d.get(1).what());
        assertEquals("@@ reference line 3, nubis line 3 @@\n \n [Network]\n-DHCP=ipv4\n+DHCP=yes", d.get(1).detail());
        assertEquals(NetTreeDiff.FileDiff.ONLY_REFERENCE, d.get(2).what());
        assertEquals("(empty file)", d.get(2).detail());
        assertEquals(List.of(), NetTreeDiff.compare(tmp.resolve("absent"), tmp.resolve("absent-too")));
    }

    @Test
    void firstHunkAlignsInsertedLines() {
        String a = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String b = "a\nb\nc\nX\nd\ne\nf\ng\nY\n";
        assertEquals("@@ reference line 2, nubis line 2 @@\n b\n c\n+X\n d\n e", LineDiff.firstHunk(a, b, 2, 20));
        assertEquals("", LineDiff.firstHunk(a, a, 2, 20));
        assertTrue(LineDiff.firstHunk("x\n", "x", 2, 20).contains("final newline"));
        String many = "x\n".repeat(30);
        assertTrue(LineDiff.firstHunk("", many, 2, 5).endsWith("..."));
    }

    @Test
    void exitStatusDiffersOnlyOnSuccessVersusFailure() {
        NetRun ok = new NetRun(0, "", tmp);
        NetRun bad = new NetRun(1, "Traceback\nValueError: Address default is not a valid ip address\n", tmp);
        NetRun bad2 = new NetRun(2, "error", tmp);
        assertEquals(List.of(), NetTreeDiff.compareStatus(ok, ok));
        assertEquals(List.of(), NetTreeDiff.compareStatus(bad, bad2));
        List<NetTreeDiff.FileDiff> d = NetTreeDiff.compareStatus(bad, ok);
        assertEquals(NetTreeDiff.EXIT_STATUS, d.get(0).file());
        assertTrue(d.get(0).detail().contains("not a valid ip address"), d.toString());
    }
}
