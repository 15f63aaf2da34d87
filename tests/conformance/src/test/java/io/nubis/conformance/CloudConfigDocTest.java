package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudConfigDocTest {
    @TempDir
    Path tmp;

    @Test
    void commentsAndKeyOrderDoNotMatter() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Files.writeString(a, "#cloud-config\n# from 1 files\n# part-001\n\n---\nruncmd: [x]\nhostname: h\n");
        Files.writeString(b, "#cloud-config\n---\nhostname: h\nruncmd:\n- x\n");
        assertEquals(List.of(), CloudConfigDoc.diff(CloudConfigDoc.read(a), CloudConfigDoc.read(b)));
    }

    @Test
    void differencesNameTheirPath() throws Exception {
        Object ref = Map.of("runcmd", List.of("a", "b"), "ntp", Map.of("servers", List.of("s1")), "x", 1);
        Object nub = Map.of("runcmd", List.of("a", "c"), "ntp", Map.of("pools", List.of("p1")), "x", 1);
        assertEquals(List.of("ntp.pools: reference=<absent> nubis=[p1]", "ntp.servers: reference=[s1] nubis=<absent>",
                "runcmd.1: reference='b' nubis='c'"), CloudConfigDoc.diff(ref, nub));
        assertEquals(List.of("runcmd: reference=[a] nubis=[a, b]"),
                CloudConfigDoc.diff(Map.of("runcmd", List.of("a")), Map.of("runcmd", List.of("a", "b"))));
    }

    @Test
    void emptyMissingAndEmptyMappingAllMeanNoConfig() throws Exception {
        Path empty = tmp.resolve("empty");
        Files.writeString(empty, "");
        Path braces = tmp.resolve("braces");
        Files.writeString(braces, "#cloud-config\n\n--- {}\n...\n");
        Object none = CloudConfigDoc.read(tmp.resolve("none"));
        assertEquals(CloudConfigDoc.MISSING, none);
        assertEquals(List.of(), CloudConfigDoc.diff(CloudConfigDoc.read(empty), none));
        assertEquals(List.of(), CloudConfigDoc.diff(CloudConfigDoc.read(braces), CloudConfigDoc.read(empty)));
        assertEquals(List.of("a: reference=<absent> nubis=1"),
                CloudConfigDoc.diff(CloudConfigDoc.read(braces), Map.of("a", 1)));
    }

    @Test
    void withoutRemovesOnePathOnly() {
        Object doc = Map.of("a", Map.of("b", 1, "c", 2), "l", List.of("x", "y"));
        assertEquals(Map.of("a", Map.of("c", 2), "l", List.of("x", "y")), CloudConfigDoc.without(doc, "a.b"));
        assertEquals(Map.of("a", Map.of("b", 1, "c", 2), "l", List.of("y")), CloudConfigDoc.without(doc, "l.0"));
        assertEquals(Map.of("a", Map.of("b", 1, "c", 2), "l", List.of("x", "y")), doc);
    }

    @Test
    void absoluteLinksResolveInsideTheRoot() throws Exception {
        Files.createDirectories(tmp.resolve("var/lib/cloud/instances/i-1"));
        Files.writeString(tmp.resolve("var/lib/cloud/instances/i-1/cloud-config.txt"), "#cloud-config\n{}\n");
        Files.createSymbolicLink(tmp.resolve("var/lib/cloud/instance"), Path.of("/var/lib/cloud/instances/i-1"));
        assertEquals(tmp.resolve("var/lib/cloud/instances/i-1/cloud-config.txt"),
                RootPaths.resolve(tmp, "/var/lib/cloud/instance/cloud-config.txt"));
    }
}
