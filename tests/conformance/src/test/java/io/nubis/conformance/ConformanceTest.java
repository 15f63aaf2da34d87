package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: every corpus case through cloud-init 22.4 and through Nubis, comparing
 * the merged cloud-config and the schema verdict. Skipped (with the reason) where the machine
 * cannot build or enter the Debian root: not root, no unshare/chroot, no Debian mirror.
 */
class ConformanceTest {
    static final Path CORPUS = Path.of(System.getProperty("conformance.corpus", "corpus")).toAbsolutePath();
    static final Path REPO = CORPUS.getParent().getParent().getParent();
    static final Path WORK = Path.of(System.getProperty("conformance.work", "target/conformance")).toAbsolutePath();

    static ReferenceRunner reference;
    static NubisRunner nubis;
    static Path nubisRoot;
    static Deviations deviations;
    static final List<String> passed = Collections.synchronizedList(new ArrayList<>());
    static final List<String> failed = Collections.synchronizedList(new ArrayList<>());
    static final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    /** "FILE: reference FORM, nubis FORM" to the cases where the empty forms differed like that. */
    static final Map<String, List<String>> emptyForms = Collections.synchronizedMap(new TreeMap<>());
    static long rootMillis;

    private static String emptyForm(Object doc) {
        return CloudConfigDoc.MISSING.equals(doc) ? "no file" : doc == null ? "empty file" : "'{}'";
    }

    @BeforeAll
    static void prepare() throws Exception {
        deviations = Deviations.load(CORPUS.resolve("deviations.yaml"), REPO);
        Path home = Path.of(System.getProperty("nubis.assemblies", "../../assemblies/target"), "nubis-debian").toAbsolutePath();
        assumeTrue(Files.isExecutable(home.resolve("bin/nubis")),
                "conformance skipped: the Debian assembly is not built (" + home + "/bin/nubis)");
        Proc.Result id = Proc.run(List.of("id", "-u"), 10);
        assumeTrue(id.out().strip().equals("0"), "conformance skipped: needs root (chroot, unshare), running as uid " + id.out().strip());
        for (String tool : List.of("unshare", "chroot", "tar")) {
            assumeTrue(Proc.onPath(tool), "conformance skipped: '" + tool + "' is not installed");
        }
        Proc.Result probe = Proc.run(List.of("unshare", "--mount", "--pid", "--net", "--fork", "true"), 30);
        assumeTrue(probe.rc() == 0, "conformance skipped: unshare does not work here: " + probe.out().strip());

        Path root = WORK.resolve("root");
        Proc.Result rm = Proc.run(List.of("rm", "-rf", "--one-file-system", WORK.toString()), 300);
        if (rm.rc() != 0) {
            throw new IOException("cannot remove " + WORK + ": " + rm.out());
        }
        Files.createDirectories(WORK);
        long t0 = System.nanoTime();
        Path script = Path.of(System.getProperty("conformance.rootScript", "../../tools/test-roots/debian-root.sh")).toAbsolutePath();
        Proc.Result made = Proc.run(List.of(script.toString(), root.toString(), "--with-cloud-init"), 900);
        rootMillis = (System.nanoTime() - t0) / 1_000_000;
        if (made.rc() == 3) {
            abort("conformance skipped: " + made.tail(3).strip());
        }
        if (made.rc() != 0) {
            fail("building the Debian root with cloud-init failed (rc " + made.rc() + "):\n" + made.tail(40));
        }
        System.out.printf("conformance: Debian root with cloud-init ready in %.1fs%n", rootMillis / 1000.0);
        reference = new ReferenceRunner(root);
        reference.configure();
        // Nubis gets its own copy of the configured root, so both sides of a case run at once
        nubisRoot = WORK.resolve("nubis-root");
        Proc.Result cp = Proc.run(List.of("cp", "-a", root.toString(), nubisRoot.toString()), 300);
        if (cp.rc() != 0) {
            throw new IOException("copying " + root + " failed: " + cp.out());
        }
        nubis = new NubisRunner(home, WORK.resolve("felix-cache"));
        if (!nubis.hasSchemaCommand()) {
            notes.add("schema command missing: 'nubis schema -c' is not in this assembly; schema verdicts not compared");
        }
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        // -Dconformance.cases=REGEX runs only the matching cases (while working on one)
        String only = System.getProperty("conformance.cases", "");
        return CorpusCase.load(CORPUS).stream().filter(c -> only.isBlank() || c.name().matches(only))
                .map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.description(), () -> check(c)));
    }

    void check(CorpusCase c) throws Exception {
        CompletableFuture<Outcome> nubisSide = CompletableFuture.supplyAsync(() -> {
            try {
                ReferenceRunner.reset(nubisRoot);
                c.seedInto(nubisRoot.resolve("var/lib/cloud/seed/nocloud"));
                return nubis.run(c, nubisRoot);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        Outcome ref = reference.run(c);
        Outcome nub;
        try {
            nub = nubisSide.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
        Files.createDirectories(WORK.resolve("cases").resolve(c.name()));
        copyOut(c, reference.root(), "reference-");
        copyOut(c, nubisRoot, "nubis-");

        List<String> problems = new ArrayList<>();
        for (String file : Outcome.FILES) {
            Object a = ref.files().get(file);
            Object b = nub.files().get(file);
            List<String> raw = CloudConfigDoc.diff(a, b);
            if (CloudConfigDoc.isEmptyConfig(a) && CloudConfigDoc.isEmptyConfig(b) && !String.valueOf(a).equals(String.valueOf(b))) {
                emptyForms.computeIfAbsent(file + ": reference " + emptyForm(a) + ", nubis " + emptyForm(b),
                        k -> new ArrayList<>()).add(c.name());
            }
            List<Deviations.Deviation> accepted = deviations.matching(c.name(), "cloud-config").stream()
                    .filter(d -> d.file().equals(file)).toList();
            for (Deviations.Deviation d : accepted) {
                a = CloudConfigDoc.without(a, d.path());
                b = CloudConfigDoc.without(b, d.path());
            }
            List<String> diff = CloudConfigDoc.diff(a, b);
            if (diff.size() < raw.size()) {
                notes.add(c.name() + ": accepted deviation(s) " + accepted + ": " + raw);
            }
            problems.addAll(diff.stream().map(l -> file + " " + l).toList());
        }

        if (nub.schemaRc() != null) {
            Integer rr = ref.schemaRc();
            if (rr == null || rr > 1) {
                notes.add(c.name() + ": reference 'cloud-init schema' gave no verdict (rc " + rr + "), not compared");
            } else if (!rr.equals(nub.schemaRc())) {
                List<Deviations.Deviation> ok = deviations.matching(c.name(), "schema");
                if (ok.isEmpty()) {
                    problems.add("schema verdict: reference rc=" + rr + " nubis rc=" + nub.schemaRc());
                } else {
                    notes.add(c.name() + ": accepted schema deviation (reference rc=" + rr + ", nubis rc="
                            + nub.schemaRc() + "): " + ok);
                }
            }
        }
        if (problems.isEmpty()) {
            passed.add(c.name());
            return;
        }
        String report = c.name() + " (" + c.description() + ")\n  " + String.join("\n  ", problems);
        failed.add(report);
        fail(report + "\n== reference\n" + ref.diagnostics() + "\n== nubis\n" + nub.diagnostics());
    }

    /** Keeps the instance files of the last run under target/conformance/cases/CASE/ for a look. */
    private void copyOut(CorpusCase c, Path root, String prefix) throws IOException {
        for (String f : Outcome.FILES) {
            Path src = RootPaths.resolve(root, "/var/lib/cloud/instance/" + f);
            if (Files.isRegularFile(src)) {
                Files.copy(src, WORK.resolve("cases").resolve(c.name()).resolve(prefix + f),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @AfterAll
    static void summary() throws IOException {
        if (reference == null) {
            return;
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format("conformance: %d passed, %d failed%n", passed.size(), failed.size()));
        for (String f : failed) {
            s.append("FAILED ").append(f).append('\n');
        }
        emptyForms.forEach((how, cases) -> s.append("note: no configuration, written differently (compared as equal): ")
                .append(how).append(" in ").append(cases.size()).append(" case(s): ").append(String.join(", ", cases)).append('\n'));
        for (String n : notes) {
            s.append("note: ").append(n).append('\n');
        }
        s.append(String.format("conformance: root prepared in %.1fs%n", rootMillis / 1000.0));
        System.out.print(s);
        Files.writeString(WORK.resolve("summary.txt"), s, StandardCharsets.UTF_8);
    }
}
