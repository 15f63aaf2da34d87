package io.nubis.netconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import io.nubis.api.net.NetworkState;

/**
 * Golden cases: each folder of {@code src/test/resources/golden/} holds an input
 * ({@code input.yaml} or {@code network_data.json}), optionally {@code macs.yaml} (the MAC
 * addresses of present interfaces), and {@code state.yaml}, the network state cloud-init 22.4
 * printed for it with {@code net-convert --debug} (its {@code !!python/object} tag line removed;
 * for {@code input.yaml} with {@code macs.yaml}, the same dump made by the reference's parser with
 * its MAC lookup patched, since net-convert takes {@code -m} only for network_data.json). The
 * parsed state, rendered in the reference's shape, must equal it.
 */
class GoldenStateTest {
    static final Path ROOT = Paths.get("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> everyGoldenCase() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(ROOT)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 25, "golden cases: " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    @SuppressWarnings("unchecked")
    static void check(Path dir) throws Exception {
        NetworkState state = parse(dir);
        Map<String, Object> dump = new Yaml().load(read(dir.resolve("state.yaml")));
        Map<String, Object> expected = ReferenceView.normaliseReference((Map<String, Object>) dump.get("_network_state"));
        Map<String, Object> actual = ReferenceView.of(state);
        assertEquals(new Yaml().dump(expected), new Yaml().dump(sorted(actual, expected)), dir.toString());
        assertEquals(dump.get("_version"), state.version());
    }

    /** Parses a case's input. */
    @SuppressWarnings("unchecked")
    static NetworkState parse(Path dir) throws Exception {
        Map<String, String> macs = Files.exists(dir.resolve("macs.yaml"))
                ? new Yaml().load(read(dir.resolve("macs.yaml"))) : Map.of();
        if (Files.exists(dir.resolve("network_data.json"))) {
            Map<String, Object> json = new Yaml().load(read(dir.resolve("network_data.json")));
            Map<String, Object> v1 = OpenStackNetworkData.toV1(json, macs::get);
            return new NetworkConfigParser().read(v1, dir.toString(), m -> null);
        }
        Map<String, Object> in = new Yaml().load(read(dir.resolve("input.yaml")));
        return new NetworkConfigParser().read(in, dir.toString(), macs::get);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code actual} with its maps' keys in {@code like}'s order where both have them, for readable diffs. */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object actual, Object like) {
        if (actual instanceof Map<?, ?> a && like instanceof Map<?, ?> l) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            for (Object k : l.keySet()) {
                if (a.containsKey(k)) {
                    out.put((String) k, sorted(a.get(k), l.get(k)));
                }
            }
            ((Map<String, Object>) a).forEach((k, v) -> out.putIfAbsent(k, v));
            return out;
        }
        if (actual instanceof List<?> a && like instanceof List<?> l) {
            List<Object> out = new java.util.ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(i < l.size() ? sorted(a.get(i), l.get(i)) : a.get(i));
            }
            return out;
        }
        return actual;
    }

    private static Map<String, Object> sorted(Map<String, Object> actual, Map<String, Object> like) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) sorted((Object) actual, like);
        return m;
    }
}
