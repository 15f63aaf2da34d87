package io.nubis.adapter.rcconf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.FileTree;
import io.nubis.testkit.GoldenCase;
import io.nubis.testkit.GoldenCases;
import io.nubis.testkit.GoldenRender;

/**
 * Golden cases in {@code src/test/resources/golden/<case>/}: {@code network-config.yaml} read by
 * the reader, {@code options.yaml} as the renderer's options, {@code target/} the files the
 * target holds before rendering, {@code expected/} every file that must differ afterwards (each
 * with a one-line {@code .why} from rc.conf(5)), and {@code reference/} what cloud-init 22.4's
 * freebsd renderer wrote for the same input. The rendered tree is also left in
 * {@code target/golden-actual/<case>/} for inspection.
 */
class GoldenTest {
    private static final String WHY = ".why";
    private static final GoldenCases CASES = GoldenCases.onClassPath(GoldenTest.class);

    static Stream<String> cases() {
        return CASES.names();
    }

    /** The case's expected files without their {@code .why} notes. */
    private static Map<String, String> expected(GoldenCase c) {
        return c.expected().entrySet().stream().filter(e -> !e.getKey().endsWith(WHY))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedFiles(String name, @TempDir Path dir) throws Exception {
        GoldenCase c = CASES.named(name);
        GoldenRender r = c.render(new NetworkConfigParser(), new FreeBsdRenderer(), "freebsd", dir);
        r.keep();
        assertEquals(List.of(), r.commands(), name + ": rendering runs no command");

        Map<String, String> expected = expected(c);
        Map<String, String> want = new TreeMap<>(c.tree("target"));
        want.putAll(expected);
        FileTree.assertSame(want, r.tree(), name);
        assertTrue(!expected.isEmpty(), name + ": a case must change some file");

        Map<String, String> whys = c.expected();
        for (String file : expected.keySet()) {
            String why = whys.get(file + WHY);
            assertTrue(why != null && why.strip().lines().count() == 1 && !why.isBlank(),
                    name + ": " + file + " needs a one-line " + WHY);
        }

        assertEquals(List.of(), r.renderAgain(), name + ": a second render changes nothing");
    }

    /**
     * Cases whose README says they match the reference: the expected files equal what cloud-init
     * 22.4 wrote, apart from the renderer's ownership comment lines.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReferenceWhereTheCaseSaysSo(String name) {
        GoldenCase c = CASES.named(name);
        String readme = c.text("README");
        assertTrue(readme.startsWith("Matches the reference") || readme.startsWith("Deviates from the reference"),
                name + ": README must say whether the case matches the reference");
        if (!readme.startsWith("Matches the reference")) {
            return;
        }
        Map<String, String> reference = c.tree("reference");
        Map<String, String> expected = new TreeMap<>();
        expected(c).forEach((k, v) -> expected.put(k, v.lines().filter(l -> !l.startsWith("# Nubis network"))
                .map(l -> l + "\n").collect(Collectors.joining())));
        assertTrue(!reference.isEmpty(), name + ": no reference output kept");
        assertEquals(reference, expected, name);
    }
}
