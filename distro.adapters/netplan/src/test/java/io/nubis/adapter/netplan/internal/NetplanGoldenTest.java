package io.nubis.adapter.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.TargetRoot;
import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.TempTarget;

/**
 * Golden cases: each {@code golden/<case>/network-config.yaml} read by the reader and rendered
 * for Debian must give exactly the files under {@code expected/} (the reference's
 * {@code net-convert -D debian -O netplan} output, or the right output where a README says why
 * it differs). The file is 0600 and rendering ends with {@code netplan generate}.
 */
class NetplanGoldenTest {
    private static final Path GOLDEN = golden();

    private static Path golden() {
        try {
            return Path.of(NetplanGoldenTest.class.getResource("/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    record Ctx(TargetRoot target, String distro, String variant, Map<String, Object> options) implements RenderContext {
    }

    static NetworkState read(Path yaml) throws Exception {
        Map<String, Object> map = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(yaml));
        return new NetworkConfigParser().read(map, yaml.toString(), mac -> null);
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put("/" + root.relativize(p), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String reason(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Copies what was rendered to target/golden-actual/CASE for comparison with the expected tree. */
    static void keep(String name, Path dir) throws IOException {
        Path out = Path.of("target", "golden-actual", name);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path dest = out.resolve(dir.relativize(p).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedTree(String name, @TempDir Path dir) throws Exception {
        Path c = GOLDEN.resolve(name);
        Path disabled = c.resolve("DISABLED");
        Assumptions.assumeFalse(Files.exists(disabled), () -> name + ": " + reason(disabled));
        NetworkState state = read(c.resolve("network-config.yaml"));
        TempTarget target = TempTarget.in(dir);
        List<Step> steps = new NetplanRenderer().render(state, new Ctx(target, "debian", "debian", Map.of()));
        assertEquals(new Step.Run(NetplanRenderer.GENERATE), steps.get(steps.size() - 1));
        target.apply(steps.subList(0, steps.size() - 1));
        Map<String, String> actual = tree(dir);
        Map<String, String> expected = tree(c.resolve("expected"));
        assertTrue(!expected.isEmpty(), "no expected tree in " + c);
        if (!expected.equals(actual)) {
            keep(name, dir);
        }
        assertEquals(expected, actual, name);
        assertEquals(0600, target.mode(NetplanOptions.DEFAULT_PATH));
    }
}
