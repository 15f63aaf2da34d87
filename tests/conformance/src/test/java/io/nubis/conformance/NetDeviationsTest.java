package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading deviations and judging differences with them. */
class NetDeviationsTest {
    @TempDir
    Path tmp;

    private Path repoWithDoc() throws IOException {
        Path doc = tmp.resolve("repo/docs/compatibility/network-conformance.md");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, "# Network conformance\n\n## networkd: bonds, bridges and VLANs (netdevs)\n\n```\n# not a heading\n```\n");
        return tmp.resolve("repo");
    }

    private NetDeviations load(String yaml) throws IOException {
        Path f = tmp.resolve("deviations.yaml");
        Files.writeString(f, yaml);
        return NetDeviations.load(f, repoWithDoc());
    }

    @Test
    void anchorsFollowGitHub() {
        assertEquals(Set.of("networkd-bonds-bridges-and-vlans-netdevs", "eni-dns-python-dict"),
                NetDeviations.anchors("## networkd: bonds, bridges and VLANs (netdevs)\n### ENI: `dns` Python dict\n```\n# x\n```\n"));
    }

    @Test
    void acceptsMatchingDifferenceWhenNubisHasTheExpectedText() throws Exception {
        NetDeviations d = load("""
                - case: "1[5-9]-*"
                  kind: networkd
                  file: etc/systemd/network/*.netdev
                  expect: ["Kind=bond"]
                  reason: 22.4 drops netdevs
                  doc: docs/compatibility/network-conformance.md#networkd-bonds-bridges-and-vlans-netdevs
                """);
        NetTreeDiff.FileDiff diff = new NetTreeDiff.FileDiff("etc/systemd/network/10-cloud-init-bond0.netdev",
                NetTreeDiff.FileDiff.ONLY_NUBIS, "");
        byte[] good = "[NetDev]\nName=bond0\nKind=bond\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "[NetDev]\nName=bond0\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(d.judge("16-v1-bond-802.3ad", NetKind.NETWORKD, diff, good).ok());
        NetDeviations.Verdict v = d.judge("16-v1-bond-802.3ad", NetKind.NETWORKD, diff, bad);
        assertFalse(v.ok());
        assertTrue(v.why().contains("lacks [Kind=bond]"), v.why());
        assertFalse(d.judge("16-v1-bond-802.3ad", NetKind.NETWORKD, diff, null).ok());
        assertFalse(d.judge("16-v1-bond-802.3ad", NetKind.ENI, diff, good).ok());
        assertFalse(d.judge("25-v1-bridge-stp", NetKind.NETWORKD, diff, good).ok());
        NetTreeDiff.FileDiff other = new NetTreeDiff.FileDiff("etc/systemd/network/10-cloud-init-bond0.network",
                NetTreeDiff.FileDiff.DIFFERENT, "");
        assertFalse(d.judge("16-v1-bond-802.3ad", NetKind.NETWORKD, other, good).ok());
    }

    @Test
    void changeNarrowsTheKindOfDifference() throws Exception {
        NetDeviations d = load("""
                - case: "*"
                  kind: sysconfig
                  file: etc/sysconfig/network/ifroute-*
                  change: added
                  reason: 22.4 writes no SUSE routes
                  doc: docs/compatibility/network-conformance.md#network-conformance
                """);
        String f = "etc/sysconfig/network/ifroute-eth0";
        assertTrue(d.judge("03-v1-x", NetKind.SYSCONFIG, new NetTreeDiff.FileDiff(f, NetTreeDiff.FileDiff.ONLY_NUBIS, ""), new byte[0]).ok());
        assertFalse(d.judge("03-v1-x", NetKind.SYSCONFIG, new NetTreeDiff.FileDiff(f, NetTreeDiff.FileDiff.DIFFERENT, ""), new byte[0]).ok());
        assertFalse(d.judge("03-v1-x", NetKind.SYSCONFIG, new NetTreeDiff.FileDiff(f, NetTreeDiff.FileDiff.ONLY_REFERENCE, ""), null).ok());
        assertTrue(assertThrows(IOException.class, () -> load("- {case: x, kind: eni, file: f, change: gone, reason: r, "
                + "doc: docs/compatibility/network-conformance.md#network-conformance}\n")).getMessage().contains("change must be"));
    }

    @Test
    void absentTextsMustNotBeInNubisFile() throws Exception {
        NetDeviations d = load("""
                - case: "04-*"
                  kind: eni
                  file: etc/network/interfaces.d/50-cloud-init
                  absent: ["dns {"]
                  reason: 22.4 prints a Python dict
                  doc: docs/compatibility/network-conformance.md#network-conformance
                """);
        NetTreeDiff.FileDiff diff = new NetTreeDiff.FileDiff("etc/network/interfaces.d/50-cloud-init", NetTreeDiff.FileDiff.DIFFERENT, "");
        assertTrue(d.judge("04-v2-x", NetKind.ENI, diff, "iface eth0 inet dhcp\n".getBytes(StandardCharsets.UTF_8)).ok());
        NetDeviations.Verdict v = d.judge("04-v2-x", NetKind.ENI, diff, "    dns {'nameservers': []}\n".getBytes(StandardCharsets.UTF_8));
        assertFalse(v.ok());
        assertTrue(v.why().contains("has [dns {]"), v.why());
    }

    @Test
    void starAndDoubleStarMatchEverything() throws Exception {
        NetDeviations d = load("""
                - {case: "*", kind: "*", file: "**", reason: r, doc: "docs/compatibility/network-conformance.md#network-conformance"}
                """);
        assertTrue(d.judge("01-v1-x", NetKind.SYSCONFIG, new NetTreeDiff.FileDiff(NetTreeDiff.EXIT_STATUS, "", ""), null).ok());
    }

    @Test
    void badEntriesAreRejected() throws Exception {
        String doc = "docs/compatibility/network-conformance.md";
        assertTrue(assertThrows(IOException.class, () -> load("- {case: x, kind: eni, file: f, reason: r, doc: " + doc + "#nope}\n"))
                .getMessage().contains("no section #nope"));
        assertTrue(assertThrows(IOException.class, () -> load("- {case: x, kind: eni, file: f, reason: r, doc: " + doc + "}\n"))
                .getMessage().contains("section"));
        assertTrue(assertThrows(IOException.class, () -> load("- {case: x, kind: ifupdown, file: f, reason: r, doc: " + doc + "#network-conformance}\n"))
                .getMessage().contains("kind must be"));
        assertTrue(assertThrows(IOException.class, () -> load("- {case: x, kind: eni, file: f, doc: " + doc + "#network-conformance}\n"))
                .getMessage().contains("needs 'reason'"));
        assertTrue(assertThrows(IOException.class, () -> load("- {case: x, kind: eni, file: f, reason: r, why: y, doc: " + doc + "#network-conformance}\n"))
                .getMessage().contains("unknown keys"));
    }
}
