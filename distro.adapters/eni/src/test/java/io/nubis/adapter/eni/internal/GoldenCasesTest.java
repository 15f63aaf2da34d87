package io.nubis.adapter.eni.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkState;
import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.TempTarget;

/**
 * Every case under {@code golden/}: {@code network-config.yaml} read by the network-config reader,
 * rendered (with the renderer options in {@code options.yaml}, if the case has one) into an empty
 * target, and every file compared byte for byte with the case's {@code expected/} tree, which is
 * the reference's output unless the case's README says why not. No other file may be written.
 */
class GoldenCasesTest {
    /** Where each case's actual output is left for inspection ({@code target/golden-actual/CASE}). */
    private static final Path ACTUAL = Path.of("target", "golden-actual");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException, URISyntaxException {
        Path golden = Path.of(GoldenCasesTest.class.getResource("/golden").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(golden)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 12, "golden cases: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private void check(Path dir) throws Exception {
        NetworkState state = new NetworkConfigParser().read(yaml(dir.resolve("network-config.yaml")), "test",
                mac -> null);
        Map<String, Object> options = Files.exists(dir.resolve("options.yaml"))
                ? yaml(dir.resolve("options.yaml")) : Map.of();
        Path root = Files.createDirectories(ACTUAL.resolve(dir.getFileName().toString()));
        try (Stream<Path> old = Files.walk(root)) {
            old.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
        }
        TempTarget target = TempTarget.in(root);
        List<Step> steps = new EniRenderer().render(state, new TestContext(target, options));
        target.apply(steps);

        Path expected = dir.resolve("expected");
        TreeSet<String> want = files(expected);
        TreeSet<String> got = files(root);
        assertEquals(want, got, "files written for " + dir.getFileName());
        for (String f : want) {
            assertEquals(Files.readString(expected.resolve(f)), Files.readString(root.resolve(f)),
                    dir.getFileName() + ": " + f);
            assertEquals(0644, target.mode("/" + f), f);
        }
        assertFalse(steps.stream().anyMatch(s -> s instanceof Step.Run), "render runs no command");
    }

    private static TreeSet<String> files(Path root) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return o == null ? Map.of() : (Map<String, Object>) o;
        }
    }
}
