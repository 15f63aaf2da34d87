package io.nubis.adapter.networkd.internal;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.GoldenCase;
import io.nubis.testkit.GoldenCases;
import io.nubis.testkit.GoldenRender;

/**
 * Golden cases: each {@code golden/<case>/network-config.yaml} read by the reader and rendered
 * must give exactly the files under {@code expected/}: the reference's
 * {@code net-convert -O networkd} output, or the right output where the case's README says why
 * it differs (the reference's own output is then kept in {@code reference/}). Every file is 0644
 * and owned by systemd-network.
 */
class NetworkdGoldenTest {
    private static final GoldenCases CASES = GoldenCases.onClassPath(NetworkdGoldenTest.class);

    static Stream<String> cases() {
        return CASES.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedTree(String name, @TempDir Path dir) throws Exception {
        GoldenCase c = CASES.named(name);
        c.assumeEnabled();
        GoldenRender r = c.render(new NetworkConfigParser(), new NetworkdRenderer(), "debian", dir);
        r.assertExpectedTree();
        r.assertModes(0644);
        r.assertOwners("systemd-network:systemd-network");
    }
}
