package io.nubis.adapter.netplan.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The emitter against the reference's YAML dumper: {@code yaml/*.yaml} and {@code scalars.json}
 * were written by PyYAML in the reference chroot ({@code *-gen.py} beside them).
 */
class YamlEmitterTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = YamlEmitterTest.class.getResourceAsStream("/yaml/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void scalarsAreQuotedAsTheReferenceQuotesThem() throws IOException {
        Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(resource("scalars.json"));
        List<Executable> checks = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) data.get("strings")) {
            String s = (String) c.get("s");
            checks.add(() -> assertEquals(c.get("value"), YamlEmitter.dump(map("k", s), 0, false), "value " + s));
            checks.add(() -> assertEquals(c.get("key"), YamlEmitter.dump(map(s, 1), 0, false), "key " + s));
        }
        for (Map<String, Object> c : (List<Map<String, Object>>) data.get("floats")) {
            double d = Double.parseDouble(((String) c.get("f")).replace("inf", "Infinity"));
            checks.add(() -> assertEquals(c.get("value"), YamlEmitter.dump(map("k", d), 0, false), "float " + d));
        }
        assertEquals(104 * 2 + 15, checks.size(), "every sample is checked");
        assertAll(checks);
    }

    @Test
    void nestedMappingsAndIndentlessSequences() throws IOException {
        Map<String, Object> eth0 = map(
                "match", map("macaddress", "52:54:00:12:34:00"),
                "addresses", List.of("10.0.0.2/24", "2001:db8::2/64"),
                "routes", List.of(map("to", "0.0.0.0/0", "via", "10.0.0.1", "metric", 100)),
                "nameservers", map("addresses", List.of(), "search", List.of("x")),
                "dhcp4", false, "mtu", 9000, "empty", Map.of());
        Object doc = map("network", map("version", 2, "ethernets", map("eth0", eth0)));
        assertEquals(resource("nested.yaml"), YamlEmitter.dump(doc, 0, true));
    }

    @Test
    void sequencesInSequencesAreIndented() throws IOException {
        List<Object> k = new ArrayList<>(Arrays.asList(List.of(1, 2), List.of(), List.of(List.of(3)),
                map("a", List.of(1)), null, true, 1.5));
        assertEquals(resource("listoflists.yaml"), YamlEmitter.dump(map("k", k), 0, false));
    }

    @Test
    void sharedCollectionsBecomeAnchorsOnlyWhenAsked() throws IOException {
        Map<String, Object> shared = map("addresses", List.of("8.8.8.8"), "search", List.of());
        List<String> sl = new ArrayList<>(List.of("a", "b"));
        Object doc = map("network", map("a", shared, "b", shared, "c", map("x", sl, "y", sl),
                "d", List.of(shared, map("z", 1))));
        assertEquals(resource("aliases.yaml"), YamlEmitter.dump(doc, 0, true));
        String plain = YamlEmitter.dump(doc, 0, false);
        assertEquals(false, plain.contains("&") || plain.contains("*"), plain);
    }

    @Test
    void rootsAndKeysOfOtherTypes() throws IOException {
        assertEquals(resource("rootlist.yaml"), YamlEmitter.dump(List.of(1, map("a", 2)), 0, false));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(10, "a");
        m.put(9, "b");
        m.put(100, "c");
        assertEquals(resource("intkeys.yaml"), YamlEmitter.dump(map("m", m), 0, false));
        assertEquals(resource("emptyroot.yaml"), YamlEmitter.dump(Map.of(), 0, false));
    }

    @Test
    void baseIndentShiftsEveryLine() {
        assertEquals("    a:\n        b:\n        - c\n", YamlEmitter.dump(map("a", map("b", List.of("c"))), 4, false));
    }
}
