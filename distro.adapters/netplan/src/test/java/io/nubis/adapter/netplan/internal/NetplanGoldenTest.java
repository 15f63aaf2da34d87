package io.nubis.adapter.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.nubis.api.distro.Step;
import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.GoldenCase;
import io.nubis.testkit.GoldenCases;
import io.nubis.testkit.GoldenRender;

/**
 * Golden cases: each {@code golden/<case>/network-config.yaml} read by the reader and rendered
 * for Debian must give exactly the files under {@code expected/} (the reference's
 * {@code net-convert -D debian -O netplan} output, or the right output where a README says why
 * it differs). The file is 0600 and rendering ends with {@code netplan generate}.
 */
class NetplanGoldenTest {
    private static final GoldenCases CASES = GoldenCases.onClassPath(NetplanGoldenTest.class);

    static Stream<String> cases() {
        return CASES.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedTree(String name, @TempDir Path dir) throws Exception {
        GoldenCase c = CASES.named(name);
        c.assumeEnabled();
        GoldenRender r = c.render(new NetworkConfigParser(), new NetplanRenderer(), "debian", dir);
        List<Step> steps = r.steps();
        assertEquals(new Step.Run(NetplanRenderer.GENERATE), steps.get(steps.size() - 1));
        assertEquals(List.of(steps.get(steps.size() - 1)), r.commands(), "netplan generate is the only command");
        r.assertExpectedTree();
        assertEquals(0600, r.target().mode(NetplanOptions.DEFAULT_PATH));
    }
}
