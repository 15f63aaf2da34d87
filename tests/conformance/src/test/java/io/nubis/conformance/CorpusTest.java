package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus and its deviations list are well formed (runs everywhere, without root). */
class CorpusTest {
    @TempDir
    Path tmp;

    @Test
    void everyCaseHasSeedAndDescription() throws Exception {
        List<CorpusCase> cases = CorpusCase.load(ConformanceTest.CORPUS);
        assertTrue(cases.size() >= 25, "corpus has " + cases.size() + " cases");
        for (CorpusCase c : cases) {
            assertTrue(Files.readString(c.dir().resolve("meta-data")).contains("instance-id: iid-" + c.name()), c.name());
        }
    }

    @Test
    void deviationsNameExistingCasesAndDocs() throws Exception {
        Set<String> names = CorpusCase.load(ConformanceTest.CORPUS).stream().map(CorpusCase::name).collect(Collectors.toSet());
        Deviations d = Deviations.load(ConformanceTest.CORPUS.resolve("deviations.yaml"), ConformanceTest.REPO);
        for (Deviations.Deviation x : d.all()) {
            assertTrue(x.caseName().equals("*") || names.contains(x.caseName()), "unknown case in deviations: " + x);
        }
    }

    @Test
    void deviationsWithoutDocAreRejected() throws Exception {
        Path f = tmp.resolve("deviations.yaml");
        Files.writeString(f, "- {case: x, check: schema, reason: because, doc: docs/compatibility/nope.md}\n");
        Exception e = assertThrows(java.io.IOException.class, () -> Deviations.load(f, ConformanceTest.REPO));
        assertTrue(e.getMessage().contains("docs/compatibility/nope.md"), e.getMessage());
        Files.writeString(f, "- {case: x, check: schema, doc: docs/compatibility/modules.md}\n");
        e = assertThrows(java.io.IOException.class, () -> Deviations.load(f, ConformanceTest.REPO));
        assertTrue(e.getMessage().contains("needs 'reason'"), e.getMessage());
    }

    @Test
    void seedCopiesExtraFilesButNotNotes() throws Exception {
        CorpusCase c = CorpusCase.load(ConformanceTest.CORPUS).stream()
                .filter(x -> x.name().equals("06-include-file-url")).findFirst().orElseThrow();
        c.seedInto(tmp.resolve("seed"));
        try (var s = Files.list(tmp.resolve("seed"))) {
            assertEquals(Set.of("user-data", "meta-data", "included-config"),
                    s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }
}
