package io.nubis.netconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

import io.nubis.api.net.NetworkState;
import io.nubis.testkit.GoldenCase;
import io.nubis.testkit.GoldenCases;

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
    static final GoldenCases CASES = GoldenCases.in(Paths.get("src/test/resources/golden"));

    @TestFactory
    Stream<DynamicTest> everyGoldenCase() {
        List<GoldenCase> cases = CASES.all();
        assertTrue(cases.size() >= 25, "golden cases: " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    static void check(GoldenCase c) throws Exception {
        NetworkState state = parse(c);
        Map<String, Object> dump = c.yaml("state.yaml");
        Map<String, Object> expected = ReferenceView.normaliseReference((Map<String, Object>) dump.get("_network_state"));
        Map<String, Object> actual = ReferenceView.of(state);
        assertEquals(new Yaml().dump(expected), new Yaml().dump(sorted(actual, expected)), c.dir().toString());
        assertEquals(dump.get("_version"), state.version());
    }

    /** Parses a case's input: {@code network_data.json} or {@code input.yaml}, with the MAC addresses in {@code macs.yaml}. */
    @SuppressWarnings("unchecked")
    static NetworkState parse(GoldenCase c) throws Exception {
        Map<String, Object> macs = c.has("macs.yaml") ? c.yaml("macs.yaml") : Map.of();
        UnaryOperator<String> macToName = mac -> (String) macs.get(mac);
        if (c.has("network_data.json")) {
            Map<String, Object> v1 = OpenStackNetworkData.toV1(c.yaml("network_data.json"), macToName);
            return new NetworkConfigParser().read(v1, c.dir().toString(), m -> null);
        }
        return new NetworkConfigParser().read(c.yaml("input.yaml"), c.dir().toString(), macToName);
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
