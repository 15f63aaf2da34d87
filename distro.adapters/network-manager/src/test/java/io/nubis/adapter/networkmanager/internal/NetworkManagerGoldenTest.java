package io.nubis.adapter.networkmanager.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.GoldenCases;
import io.nubis.testkit.GoldenRender;

/**
 * Each golden case (its {@code target/} tree, if it has one, in the target first) rendered for
 * openSUSE gives the expected tree, byte for byte, keyfiles 0600; rendering it again changes nothing.
 */
class NetworkManagerGoldenTest {
    private static final GoldenCases CASES = GoldenCases.onClassPath(NetworkManagerGoldenTest.class);

    static Stream<String> cases() {
        return CASES.names();
    }

    private static GoldenRender render(String name, Path dir) throws Exception {
        return CASES.named(name).render(new NetworkConfigParser(), new NetworkManagerRenderer(), "opensuse", dir);
    }

    @Test
    void thereAreEnoughCases() {
        assertTrue(CASES.names().count() >= 12);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedTree(String name, @TempDir Path dir) throws Exception {
        GoldenRender r = render(name, dir);
        r.assertExpectedTree();
        r.assertModes(0600);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void renderingAgainChangesNothing(String name, @TempDir Path dir) throws Exception {
        render(name, dir).assertRenderingAgainChangesNothing();
    }
}
