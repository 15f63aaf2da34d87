package io.nubis.runtime.internal.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.yaml.Yaml;

/** {@code util.mergemanydict} semantics: highest priority first, dict no_replace by default. */
class ConfigMergeTest {

    private static ConfigSource src(String label, String yaml) {
        return ConfigSource.of(label, Yaml.loadMapping(yaml, label));
    }

    private static Map<String, Object> y(String text) {
        return Yaml.loadMapping(text, "expected");
    }

    @Test
    void firstSourceWinsAndNestedMappingsMerge() {
        // the example documented on util.mergemanydict
        MergedConfig c = ConfigMerge.mergeMany(List.of(
                src("a", "a: 1\nb: 2\nc: [1, 2, 3]\nd: {a: 1, b: 2}\n"),
                src("b", "a: 10\nc: [4]\nd: {a: 3, f: 10}\ne: 20\n")));
        assertEquals(y("a: 1\nb: 2\nc: [1, 2, 3]\nd: {a: 1, b: 2, f: 10}\ne: 20\n"), c.asMap());
        assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(c.asMap().keySet()));
    }

    @Test
    void eachSourceCarriesItsOwnSpecAgainstWhatCameBefore() {
        MergedConfig c = ConfigMerge.mergeMany(List.of(
                src("high", "runcmd: [h]\nname: high\n"),
                src("low", "runcmd: [l]\nname: low\nmerge_how: 'dict(recurse_array,no_replace)+list(append)'\n"),
                src("lowest", "name: lowest\nmerge_how: 'dict(replace)'\n")));
        assertEquals(y("runcmd: [h, l]\nname: lowest\n"), c.asMap());
        assertFalse(c.asMap().containsKey("merge_how"));
    }

    @Test
    void indexWiseListReplaceKeepsOldTailAndNewExtras() {
        String spec = "merge_how: 'dict(recurse_array)+list()+str()'\n";
        // [1,5,6] then [2,3] -> [2,3,6], as the reference (checked by running it)
        assertEquals(List.of(2, 3, 6), ConfigMerge.mergeMany(List.of(src("1", "l: [1, 5, 6]\n"),
                src("2", "l: [2, 3]\n" + spec))).asMap().get("l"));
        // [1] then [2,3]: the reference gives [2] (quirk 9); the new item is kept here
        assertEquals(List.of(2, 3), ConfigMerge.mergeMany(List.of(src("1", "l: [1]\n"),
                src("2", "l: [2, 3]\n" + spec))).asMap().get("l"));
    }

    @Test
    void listNoReplaceKeepsOld() {
        assertEquals(List.of(1), ConfigMerge.mergeMany(List.of(src("1", "l: [1]\n"),
                src("2", "l: [2, 3]\nmerge_how: 'dict(recurse_list)+list(no_replace)'\n"))).asMap().get("l"));
    }

    @Test
    void scalarsAreAppendedAsOneItem() {
        assertEquals(List.of("a", "bc"), ConfigMerge.mergeMany(List.of(src("1", "l: [a]\n"),
                src("2", "l: bc\nmerge_how: 'dict(recurse_str)+list(append)'\n"))).asMap().get("l"));
    }

    @Test
    void strAppendWithNonStringReplaces() {
        assertEquals(Map.of("k", "v"), ConfigMerge.mergeMany(List.of(src("1", "s: abc\n"),
                src("2", "s: {k: v}\nmerge_how: 'dict()+str(append)'\n"))).asMap().get("s"));
    }

    @Test
    void oldValueOfOtherTypeIsKept() {
        // an int (or bool, or null) has no merger: the reference keeps the old value
        assertEquals(5, ConfigMerge.mergeMany(List.of(src("1", "a: 5\n"), src("2", "a: {x: 1}\n"))).asMap().get("a"));
        assertEquals(null, ConfigMerge.mergeMany(List.of(src("1", "a: null\n"), src("2", "a: {x: 1}\n"))).asMap().get("a"));
    }

    @Test
    void mappingReplacesListOrStringOfHigherPriority() {
        // reference behaviour: dict recursion hands (list, dict) to the list merger, whose replace takes the dict
        assertEquals(Map.of("x", 1),
                ConfigMerge.mergeMany(List.of(src("1", "a: [1]\n"), src("2", "a: {x: 1}\n"))).asMap().get("a"));
        assertEquals(Map.of("x", 1),
                ConfigMerge.mergeMany(List.of(src("1", "a: text\n"), src("2", "a: {x: 1}\n"))).asMap().get("a"));
    }

    @Test
    void allowDeleteOnlyDeletesExistingKeys() {
        MergedConfig c = ConfigMerge.mergeMany(List.of(src("1", "a: {x: 1, y: 2}\n"),
                src("2", "a: {x: null, z: null}\nmerge_how: 'dict(allow_delete)'\n")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("y", 2);
        expected.put("z", null);
        assertEquals(expected, c.asMap().get("a"));
        assertEquals(List.of("1", "2"), c.sourcesOf("a"));
        assertEquals(List.of("2"), c.sourcesOf("a.z"));
        assertEquals(List.of(), c.sourcesOf("a.x"));
    }

    @Test
    void replaceSetsNull() {
        Map<String, Object> m = ConfigMerge.mergeMany(List.of(src("1", "a: 1\n"),
                src("2", "a: null\nmerge_how: 'dict(replace)'\n"))).asMap();
        assertTrue(m.containsKey("a"));
        assertEquals(null, m.get("a"));
    }

    @Test
    void emptySourcesAreSkipped() {
        MergedConfig c = ConfigMerge.mergeMany(List.of(src("empty", "{}\n"), src("x", "a: 1\n")));
        assertEquals(Map.of("a", 1), c.asMap());
        assertEquals("x", c.sourceOf("a").orElseThrow());
    }

    @Test
    void badSourceIsReportedAndSkipped() {
        List<MergeException> problems = new ArrayList<>();
        MergedConfig c = ConfigMerge.mergeMany(List.of(src("/etc/cloud/cloud.cfg.d/10.cfg", "a: 1\nmerge_how: 5\n"),
                src("/etc/cloud/cloud.cfg", "a: 2\nb: 3\n")), problems::add);
        assertEquals(Map.of("a", 2, "b", 3), c.asMap());
        assertEquals(1, problems.size());
        assertEquals("/etc/cloud/cloud.cfg.d/10.cfg: merge_how: expected a string like "
                + "'list(append)+dict()+str()' or a list, got a number", problems.get(0).getMessage());
        assertThrows(MergeException.class, () -> ConfigMerge.mergeMany(List.of(src("x", "merge_how: 'zip()'\n"))));
    }

    @Test
    void inputsAreNotChangedAndResultIsUnmodifiable() {
        Map<String, Object> first = Yaml.loadMapping("a: {l: [1]}\n", "1");
        Map<String, Object> second = Yaml.loadMapping("a: {l: [2], m: 1}\nmerge_how: 'dict(recurse_list)+list(append)'\n", "2");
        Map<String, Object> secondBefore = Yaml.loadMapping(Yaml.dump(second), "copy");
        MergedConfig c = ConfigMerge.mergeMany(List.of(ConfigSource.of("1", first), ConfigSource.of("2", second)));
        assertEquals(y("a: {l: [1]}\n"), first);
        assertEquals(secondBefore, second);
        assertEquals(y("a: {l: [1, 2], m: 1}\n"), c.asMap());
        assertThrows(UnsupportedOperationException.class, () -> c.asMap().put("b", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) c.asMap().get("a");
        assertThrows(UnsupportedOperationException.class, () -> a.put("x", 1));
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) a.get("l");
        assertThrows(UnsupportedOperationException.class, () -> l.add(3));
    }

    @Test
    void provenanceOfNestedKeysAndContainers() {
        MergedConfig c = ConfigMerge.mergeMany(List.of(
                src("/etc/cloud/cloud.cfg.d/50-ntp.cfg", "ntp: {enabled: true}\n"),
                src("/etc/cloud/cloud.cfg", "ntp: {enabled: false, servers: [s1]}\nlocale: C\n")));
        assertEquals("/etc/cloud/cloud.cfg.d/50-ntp.cfg, /etc/cloud/cloud.cfg", c.sourceOf("ntp").orElseThrow());
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/50-ntp.cfg"), c.sourcesOf("ntp.enabled"));
        assertEquals(List.of("/etc/cloud/cloud.cfg"), c.sourcesOf("ntp.servers"));
        assertEquals("/etc/cloud/cloud.cfg", c.sourceOf("locale").orElseThrow());
        assertTrue(c.sourceOf("missing").isEmpty());
        assertEquals(List.of(), c.sourcesOf("ntp.missing"));
    }

    @Test
    void provenanceOfMergedSourcesIsKept() {
        PartMerger parts = new PartMerger();
        parts.add("user-data part 1 (text/cloud-config)", Yaml.load("ntp: {servers: [u]}\nhostname: h\n", "p"), null);
        parts.add("user-data part 2 (text/cloud-config)", Yaml.load("packages: [vim]\n", "p"), null);
        MergedConfig system = ConfigMerge.mergeMany(List.of(src("/etc/cloud/cloud.cfg", "ntp: {enabled: true}\nhostname: s\n")));
        MergedConfig all = ConfigMerge.mergeMany(List.of(parts.result().asSource("user-data"),
                system.asSource("system config")));
        assertEquals(y("ntp: {servers: [u], enabled: true}\nhostname: h\npackages: [vim]\n"), all.asMap());
        assertEquals(List.of("user-data part 1 (text/cloud-config)"), all.sourcesOf("ntp.servers"));
        assertEquals(List.of("/etc/cloud/cloud.cfg"), all.sourcesOf("ntp.enabled"));
        assertEquals("user-data part 1 (text/cloud-config), /etc/cloud/cloud.cfg", all.sourceOf("ntp").orElseThrow());
        assertEquals("user-data part 2 (text/cloud-config)", all.sourceOf("packages").orElseThrow());
        assertEquals("user-data part 1 (text/cloud-config)", all.sourceOf("hostname").orElseThrow());
    }

    @Test
    void explainListsEveryPathSorted() {
        MergedConfig c = ConfigMerge.mergeMany(List.of(
                src("/etc/cloud/cloud.cfg.d/50-ntp.cfg", "ntp: {enabled: true}\n\"a.b\": 1\n"),
                src("/etc/cloud/cloud.cfg", "ntp: {servers: [s1], pools: {}}\nlocale: C\n")));
        assertEquals("""
                ["a.b"]      /etc/cloud/cloud.cfg.d/50-ntp.cfg
                locale       /etc/cloud/cloud.cfg
                ntp          /etc/cloud/cloud.cfg.d/50-ntp.cfg, /etc/cloud/cloud.cfg
                ntp.enabled  /etc/cloud/cloud.cfg.d/50-ntp.cfg
                ntp.pools    /etc/cloud/cloud.cfg
                ntp.servers  /etc/cloud/cloud.cfg
                """, c.explain());
        assertEquals(List.of("/etc/cloud/cloud.cfg.d/50-ntp.cfg"), c.sourcesOf("[\"a.b\"]"));
    }

    @Test
    void toYamlDumpsTheMergedDocument() {
        MergedConfig c = ConfigMerge.mergeMany(List.of(src("x", "b: [1]\na: {c: true}\n")));
        assertEquals("a:\n    c: true\nb:\n- 1\n", c.toYaml());
    }

    @Test
    void singleSourceConfig() {
        MergedConfig c = MergedConfig.of("seed", Yaml.loadMapping("a: {b: 1}\n", "seed"));
        assertEquals(List.of("seed"), c.sourcesOf("a.b"));
        assertEquals(Map.of(), MergedConfig.EMPTY.asMap());
    }
}
