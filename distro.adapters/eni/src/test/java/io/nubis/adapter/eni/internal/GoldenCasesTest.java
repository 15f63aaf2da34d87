package io.nubis.adapter.eni.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.GoldenCases;
import io.nubis.testkit.GoldenRender;

/**
 * Every case under {@code golden/}: {@code network-config.yaml} read by the network-config reader,
 * rendered (with the renderer options in {@code options.yaml}, if the case has one) into an empty
 * target, and every file compared byte for byte with the case's {@code expected/} tree, which is
 * the reference's output unless the case's README says why not. No other file may be written.
 * What was rendered is left in {@code target/golden-actual/CASE}.
 */
class GoldenCasesTest {
    private static final GoldenCases CASES = GoldenCases.onClassPath(GoldenCasesTest.class);

    static Stream<String> cases() {
        return CASES.names();
    }

    @Test
    void thereAreEnoughCases() {
        assertTrue(CASES.names().count() >= 12, "golden cases: " + CASES.names().count());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedTree(String name, @TempDir Path dir) throws Exception {
        GoldenRender r = CASES.named(name).render(new NetworkConfigParser(), new EniRenderer(), "debian", dir);
        r.assertExpectedTree();
        r.assertModes(0644);
        assertEquals(List.of(), r.commands(), "render runs no command");
    }
}
