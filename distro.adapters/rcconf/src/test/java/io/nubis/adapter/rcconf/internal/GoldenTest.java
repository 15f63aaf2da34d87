package io.nubis.adapter.rcconf.internal;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.netconfig.internal.NetworkConfigParser;
import io.nubis.testkit.TempTarget;

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

    private static Path root() throws URISyntaxException {
        return Path.of(GoldenTest.class.getResource("/golden").toURI());
    }

    static Stream<String> cases() throws Exception {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    out.put("/" + dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            }
        }
        return out;
    }

    private static RenderContext context(Path caseDir, TempTarget target) throws IOException {
        Path options = caseDir.resolve("options.yaml");
        Map<String, Object> o = Files.exists(options) ? new Yaml().load(Files.readString(options)) : Map.of();
        return Net.context(target, o);
    }

    private static NetworkState state(Path caseDir) throws Exception {
        Map<String, Object> cfg = new Yaml().load(Files.readString(caseDir.resolve("network-config.yaml")));
        return new NetworkConfigParser().read(cfg, "test", mac -> null);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheExpectedFiles(String name, @TempDir Path dir) throws Exception {
        Path c = root().resolve(name);
        Map<String, String> seeded = tree(c.resolve("target"));
        TempTarget t = TempTarget.in(dir);
        seeded.forEach(t::file);
        FreeBsdRenderer renderer = new FreeBsdRenderer();
        RenderContext ctx = context(c, t);
        t.apply(renderer.render(state(c), ctx));

        Map<String, String> actual = tree(dir);
        Path keep = Path.of("target", "golden-actual", name);
        for (Map.Entry<String, String> e : actual.entrySet()) {
            Path p = keep.resolve(e.getKey().substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }

        Map<String, String> expected = tree(c.resolve("expected")).entrySet().stream()
                .filter(e -> !e.getKey().endsWith(WHY))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        Map<String, String> want = new TreeMap<>(seeded);
        want.putAll(expected);
        assertEquals(want, actual, name);
        assertTrue(!expected.isEmpty(), name + ": a case must change some file");

        Map<String, String> whys = tree(c.resolve("expected"));
        for (String file : expected.keySet()) {
            String why = whys.get(file + WHY);
            assertTrue(why != null && why.strip().lines().count() == 1 && !why.isBlank(),
                    name + ": " + file + " needs a one-line " + WHY);
        }

        assertEquals(List.of(), renderer.render(state(c), ctx), name + ": a second render changes nothing");
    }

    /**
     * Cases whose README says they match the reference: the expected files equal what cloud-init
     * 22.4 wrote, apart from the renderer's ownership comment lines.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void matchesTheReferenceWhereTheCaseSaysSo(String name) throws Exception {
        Path c = root().resolve(name);
        String readme = Files.readString(c.resolve("README"), StandardCharsets.UTF_8);
        assertTrue(readme.startsWith("Matches the reference") || readme.startsWith("Deviates from the reference"),
                name + ": README must say whether the case matches the reference");
        if (!readme.startsWith("Matches the reference")) {
            return;
        }
        Map<String, String> reference = tree(c.resolve("reference"));
        Map<String, String> expected = new TreeMap<>();
        tree(c.resolve("expected")).forEach((k, v) -> {
            if (!k.endsWith(WHY)) {
                expected.put(k, v.lines().filter(l -> !l.startsWith("# Nubis network"))
                        .map(l -> l + "\n").collect(Collectors.joining()));
            }
        });
        assertTrue(!reference.isEmpty(), name + ": no reference output kept");
        assertEquals(reference, expected, name);
    }
}
