package io.nubis.netconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The engine's network-config-v2.json schema and this reader accept the same keys, so that
 * {@code nubis schema} and the reader never disagree about what a version 2 key is.
 */
class SchemaV2ConsistencyTest {
    static final Path SCHEMA = Paths.get("../engine/src/main/resources/schema/network-config-v2.json");

    private static Map<String, Object> schema() {
        try {
            return new Yaml().load(Files.readString(SCHEMA, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defs() {
        return (Map<String, Object>) schema().get("$defs");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> props(Map<String, Object> def, String... path) {
        Map<String, Object> m = def;
        for (String p : path) {
            m = (Map<String, Object>) m.get(p);
        }
        return ((Map<String, Object>) m.get("properties")).keySet();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void deviceKeysMatchTheReader() {
        Map<String, Object> d = defs();
        Set<String> common = V2Reader.COMMON_KEYS;
        Set<String> physical = union(common, V2Reader.ETHERNET_KEYS);
        assertEquals(physical, props((Map<String, Object>) d.get("ethernet")));
        assertEquals(union(common, Set.of("interfaces", "parameters")), props((Map<String, Object>) d.get("bond")));
        assertEquals(union(common, Set.of("interfaces", "parameters")), props((Map<String, Object>) d.get("bridge")));
        assertEquals(union(common, Set.of("id", "link")), props((Map<String, Object>) d.get("vlan")));
        assertEquals(union(physical, V2Reader.WIFI_KEYS), props((Map<String, Object>) d.get("wifi")));
        assertEquals(V2Reader.TOP_KEYS, props((Map<String, Object>) d.get("network")));
        assertEquals(V2Reader.MATCH_KEYS, props((Map<String, Object>) d.get("ethernet"), "properties", "match"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nestedKeysMatchTheReader() {
        Map<String, Object> d = defs();
        assertEquals(V2Reader.ROUTE_KEYS, props((Map<String, Object>) d.get("route")));
        assertEquals(V2Reader.POLICY_KEYS, props((Map<String, Object>) d.get("routing_policy")));
        assertEquals(V2Reader.OVERRIDE_KEYS, props((Map<String, Object>) d.get("dhcp_overrides")));
        assertEquals(V2Reader.NAMESERVER_KEYS, props((Map<String, Object>) d.get("nameservers")));
        assertEquals(Params.V2_BOND.keySet(), props((Map<String, Object>) d.get("bond"), "properties", "parameters"));
        assertEquals(Params.V2_BRIDGE.keySet(), props((Map<String, Object>) d.get("bridge"), "properties", "parameters"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bondKeywordsMatchTheReader() {
        Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) defs()
                .get("bond")).get("properties")).get("parameters")).get("properties");
        Params.V2_BOND_CHOICES.forEach((k, choices) ->
                assertEquals(choices, (List<String>) ((Map<String, Object>) params.get(k)).get("enum"), k));
    }

    @Test
    void wrapperAndVersionAreRequiredLikeV1() {
        Map<String, Object> schema = schema();
        assertEquals(Map.of("required", List.of("network")), schema.get("if"));
        assertEquals(Map.of("$ref", "#/$defs/network"), schema.get("else"));
    }
}
