package io.nubis.adapter.sysconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkState;
import io.nubis.testkit.TempTarget;

/** Each golden case rendered into an empty target gives the expected tree, byte for byte. */
class SysconfigGoldenTest {
    private final SysconfigRenderer renderer = new SysconfigRenderer();

    static Stream<String> cases() throws Exception {
        return GoldenCases.names();
    }

    @Test
    void thereAreEnoughCases() throws Exception {
        assertTrue(GoldenCases.names().count() >= 12);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedTree(String name, @TempDir Path dir) throws Exception {
        NetworkState state = GoldenCases.state(name);
        GoldenCases.seed(name, dir);
        TempTarget target = TempTarget.in(dir);
        List<Step> steps = renderer.render(state, new TestContext(target));
        target.apply(steps);
        GoldenCases.assertSameTree(GoldenCases.expected(name), GoldenCases.tree(dir));
        for (Step s : steps) {
            Step.Write w = (Step.Write) s;
            assertEquals(0644, w.attrs().mode(), w.path());
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.host(w.path()))));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void renderingAgainChangesNothing(String name, @TempDir Path dir) throws Exception {
        NetworkState state = GoldenCases.state(name);
        GoldenCases.seed(name, dir);
        TempTarget target = TempTarget.in(dir);
        target.apply(renderer.render(state, new TestContext(target)));
        List<Step> again = renderer.render(state, new TestContext(target));
        assertTrue(again.stream().noneMatch(Step.Delete.class::isInstance), "nothing to delete");
        target.apply(again);
        GoldenCases.assertSameTree(GoldenCases.expected(name), GoldenCases.tree(dir));
    }
}
