package io.nubis.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The network conformance suite: every case of {@code net-corpus/} through cloud-init 22.4's
 * {@code devel net-convert} (in the Debian root) and through Nubis's, for each output kind of
 * {@link NetKind}, comparing the files written and their bytes. Differences fail unless
 * {@code net-corpus/deviations.yaml} accepts them. Skipped (with the reason) where the machine
 * cannot build or enter the Debian root, or the assembly has no {@code devel net-convert}.
 *
 * <p>System properties: {@code netconformance.cases} (regex on case names),
 * {@code netconformance.kinds} (comma-separated output kinds), {@code netconformance.against=reference}
 * (run the reference a second time in place of Nubis: checks the suite and the reference's
 * determinism without an assembly).
 */
class NetConformanceTest {
    /** tests/conformance (the existing suite's corpus property names its corpus inside it). */
    static final Path MODULE = Path.of(System.getProperty("conformance.corpus", "corpus")).toAbsolutePath().getParent();
    static final Path CORPUS = Path.of(System.getProperty("netconformance.corpus", MODULE.resolve("net-corpus").toString())).toAbsolutePath();
    static final Path REPO = MODULE.getParent().getParent();
    static final Path TARGET = Path.of(System.getProperty("conformance.work", MODULE.resolve("target/conformance").toString()))
            .toAbsolutePath().getParent();
    /** The kept trees: {@code <case>/<kind>/{reference,nubis}/}, with each side's log and summary.txt. */
    static final Path WORK = TARGET.resolve("net-conformance");

    static List<NetCorpusCase> cases;
    static List<NetKind> kinds;
    static NetDeviations deviations;
    static Map<String, NetRun> reference;
    static Map<String, NetRun> nubis;
    static String against;
    static long rootMillis;
    static long runMillis;

    enum Verdict { EQUAL, DEVIATING, FAILING }

    static final Map<NetKind, Map<String, Verdict>> verdicts = Collections.synchronizedMap(new EnumMap<>(NetKind.class));
    static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Accepted deviation -> the case/kind/file differences it accepted. */
    static final Map<String, List<String>> accepted = Collections.synchronizedMap(new LinkedHashMap<>());

    @BeforeAll
    static void prepare() throws Exception {
        String only = System.getProperty("netconformance.cases", "");
        cases = NetCorpusCase.load(CORPUS).stream().filter(c -> only.isBlank() || c.name().matches(only)).toList();
        kinds = NetKind.selected(System.getProperty("netconformance.kinds", ""));
        skipUnless(!cases.isEmpty(), "net-conformance skipped: no case matches netconformance.cases=" + only);
        deviations = NetDeviations.load(CORPUS.resolve("deviations.yaml"), REPO);
        against = System.getProperty("netconformance.against", NetRun.NUBIS);
        if (!against.equals(NetRun.NUBIS) && !against.equals(NetRun.REFERENCE)) {
            throw new IllegalArgumentException("netconformance.against must be nubis or reference, got " + against);
        }

        Path assemblies = Path.of(System.getProperty("nubis.assemblies", REPO.resolve("assemblies/target").toString()))
                .toAbsolutePath();
        NetNubisRunner nubisRunner = new NetNubisRunner(assemblies, TARGET.resolve("net-conformance-felix"));
        if (against.equals(NetRun.NUBIS)) {
            for (NetKind k : kinds) {
                Path home = nubisRunner.home(k);
                skipUnless(Files.isExecutable(home.resolve("bin/nubis")),
                        "net-conformance skipped: the " + k.assembly() + " assembly is not built (" + home + "/bin/nubis)");
            }
        }
        Proc.Result id = Proc.run(List.of("id", "-u"), 10);
        skipUnless(id.out().strip().equals("0"), "net-conformance skipped: needs root (chroot, unshare), running as uid " + id.out().strip());
        for (String tool : List.of("unshare", "chroot", "tar")) {
            skipUnless(Proc.onPath(tool), "net-conformance skipped: '" + tool + "' is not installed");
        }
        Proc.Result probe = Proc.run(List.of("unshare", "--mount", "--pid", "--net", "--fork", "true"), 30);
        skipUnless(probe.rc() == 0, "net-conformance skipped: unshare does not work here: " + probe.out().strip());
        if (against.equals(NetRun.NUBIS)) {
            Optional<String> why = nubisRunner.unavailable(kinds);
            skipUnless(why.isEmpty(), "net-conformance skipped: " + why.orElse(""));
        }

        Path root = TARGET.resolve("net-conformance-root");
        for (Path p : List.of(WORK, root)) {
            Proc.Result rm = Proc.run(List.of("rm", "-rf", "--one-file-system", p.toString()), 300);
            if (rm.rc() != 0) {
                throw new IOException("cannot remove " + p + ": " + rm.out());
            }
        }
        Files.createDirectories(WORK);
        long t0 = System.nanoTime();
        Path script = Path.of(System.getProperty("conformance.rootScript", REPO.resolve("tools/test-roots/debian-root.sh").toString()))
                .toAbsolutePath();
        Proc.Result made = Proc.run(List.of(script.toString(), root.toString(), "--with-cloud-init"), 900);
        rootMillis = (System.nanoTime() - t0) / 1_000_000;
        if (made.rc() == 3) {
            skipUnless(false, "net-conformance skipped: " + made.tail(3).strip());
        }
        if (made.rc() != 0) {
            fail("building the Debian root with cloud-init failed (rc " + made.rc() + "):\n" + made.tail(40));
        }
        NetReferenceRunner ref = new NetReferenceRunner(root);
        ref.addNetworkdUser();
        System.out.printf("net-conformance: Debian root with cloud-init ready in %.1fs; %d cases x %d kinds against %s%n",
                rootMillis / 1000.0, cases.size(), kinds.size(), against);

        // both sides at once: the reference's loop is one process, Nubis's runs here meanwhile
        long t1 = System.nanoTime();
        CompletableFuture<Map<String, NetRun>> refSide = CompletableFuture.supplyAsync(() -> {
            try {
                return ref.runAll(cases, kinds, WORK, NetRun.REFERENCE);
            } catch (IOException | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        try {
            nubis = against.equals(NetRun.NUBIS) ? nubisRunner.runAll(cases, kinds, WORK) : ref.runAll(cases, kinds, WORK, NetRun.NUBIS);
            reference = refSide.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
        runMillis = (System.nanoTime() - t1) / 1_000_000;
    }

    /** A JUnit assumption whose reason is also printed: surefire does not show why a class was skipped. */
    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println(reason);
        }
        assumeTrue(condition, reason);
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        return cases.stream().map(c -> DynamicContainer.dynamicContainer(c.name() + ": " + c.description(),
                kinds.stream().map(k -> DynamicTest.dynamicTest(k.id(), () -> check(c, k)))));
    }

    void check(NetCorpusCase c, NetKind k) throws IOException {
        String key = c.name() + "/" + k.id();
        NetRun ref = reference.get(key);
        NetRun nub = nubis.get(key);
        List<NetTreeDiff.FileDiff> diffs = new ArrayList<>(NetTreeDiff.compareStatus(ref, nub));
        diffs.addAll(NetTreeDiff.compare(ref.tree(), nub.tree()));
        List<String> problems = new ArrayList<>();
        for (NetTreeDiff.FileDiff d : diffs) {
            Path nubisFile = nub.tree().resolve(d.file());
            byte[] bytes = !d.file().equals(NetTreeDiff.EXIT_STATUS) && Files.isRegularFile(nubisFile) ? Files.readAllBytes(nubisFile) : null;
            NetDeviations.Verdict v = deviations.judge(c.name(), k, d, bytes);
            if (v.ok()) {
                accepted.computeIfAbsent(v.accepted().toString(), x -> Collections.synchronizedList(new ArrayList<>()))
                        .add(key + " " + d.file());
            } else {
                problems.add(d + (v.why().isEmpty() ? "" : "\n    (" + v.why() + ")"));
            }
        }
        Verdict verdict = !problems.isEmpty() ? Verdict.FAILING : diffs.isEmpty() ? Verdict.EQUAL : Verdict.DEVIATING;
        verdicts.computeIfAbsent(k, x -> Collections.synchronizedMap(new TreeMap<>())).put(c.name(), verdict);
        if (!problems.isEmpty()) {
            String report = key + " (" + c.description() + ")\n  " + String.join("\n  ", problems);
            failures.add(report);
            fail(report + "\n== reference rc=" + ref.rc() + "\n" + ref.tail(10) + "\n== nubis rc=" + nub.rc() + "\n" + nub.tail(10)
                    + "\n(trees: " + ref.tree().getParent() + ")");
        }
    }

    @AfterAll
    static void summary() throws IOException {
        if (reference == null) {
            return;
        }
        StringBuilder s = new StringBuilder();
        int[] total = new int[3];
        for (NetKind k : kinds) {
            int[] n = count(verdicts.getOrDefault(k, Map.of()));
            s.append(String.format("net-conformance %s: %d equal, %d deviating, %d failing%n", k.id(), n[0], n[1], n[2]));
            for (int i = 0; i < 3; i++) {
                total[i] += n[i];
            }
        }
        s.append(String.format("net-conformance: %d equal, %d deviating, %d failing (%d cases x %d kinds against %s)%n",
                total[0], total[1], total[2], cases.size(), kinds.size(), against));
        s.append(matrix());
        for (String f : failures) {
            s.append("FAILED ").append(f).append('\n');
        }
        accepted.forEach((d, where) -> s.append("accepted ").append(where.size()).append("x: ").append(d).append('\n'));
        for (NetDeviations.Deviation d : deviations.all()) {
            boolean inScope = cases.stream().anyMatch(c -> d.appliesToCase(c.name()))
                    && kinds.stream().anyMatch(k -> d.kind().equals("*") || d.kind().equals(k.id()));
            if (inScope && !accepted.containsKey(d.toString())) {
                s.append("note: deviation not used in this run: ").append(d).append('\n');
            }
        }
        s.append(String.format("net-conformance: root prepared in %.1fs, both sides ran in %.1fs%n", rootMillis / 1000.0, runMillis / 1000.0));
        System.out.print(s);
        Files.writeString(WORK.resolve("summary.txt"), s, StandardCharsets.UTF_8);
    }

    private static int[] count(Map<String, Verdict> byCase) {
        int[] n = new int[3];
        byCase.values().forEach(v -> n[v.ordinal()]++);
        return n;
    }

    /** One line per case: = equal, ~ deviating (accepted), X failing, per kind. */
    private static String matrix() {
        StringBuilder m = new StringBuilder("case");
        kinds.forEach(k -> m.append(' ').append(k.id()));
        m.append("   (= equal, ~ accepted deviation, X failing)\n");
        for (NetCorpusCase c : cases) {
            m.append(c.name());
            for (NetKind k : kinds) {
                Verdict v = verdicts.getOrDefault(k, Map.of()).get(c.name());
                m.append(' ').append(v == null ? '?' : "=~X".charAt(v.ordinal()));
            }
            m.append('\n');
        }
        return m.toString();
    }
}
