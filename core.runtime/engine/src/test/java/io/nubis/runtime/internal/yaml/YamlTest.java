package io.nubis.runtime.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class YamlTest {

    @Test
    void loadsPlainDataWithYaml11Scalars() {
        Map<String, Object> m = Yaml.loadMapping("""
                a: yes
                b: off
                c: 0644
                d: 0x10
                e: 1.5
                f: ~
                g: 2024-01-02
                h: [1, two]
                i: {j: k}
                12: twelve
                true: key
                """, "t.cfg");
        assertEquals(Boolean.TRUE, m.get("a"));
        assertEquals(Boolean.FALSE, m.get("b"));
        assertEquals(420, m.get("c"));
        assertEquals(16, m.get("d"));
        assertEquals(1.5, m.get("e"));
        assertTrue(m.containsKey("f"));
        assertNull(m.get("f"));
        assertEquals("2024-01-02", m.get("g"), "timestamps stay text");
        assertEquals(List.of(1, "two"), m.get("h"));
        assertEquals(Map.of("j", "k"), m.get("i"));
        assertEquals("twelve", m.get("12"), "keys become strings");
        assertEquals("key", m.get("true"));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "12", "true"), List.copyOf(m.keySet()),
                "document order is kept");
    }

    @Test
    void binaryIsBytesAndMergeKeysWork() {
        Map<String, Object> m = Yaml.loadMapping("""
                base: &b {x: 1, y: 2}
                derived:
                  <<: *b
                  y: 3
                blob: !!binary aGVsbG8=
                """, "t");
        assertEquals(Map.of("x", 1, "y", 3), m.get("derived"));
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), (byte[]) m.get("blob"));
    }

    @Test
    void duplicateKeysLastWinsLikePyYaml() {
        assertEquals(Map.of("a", 2), Yaml.loadMapping("a: 1\na: 2\n", "t"));
    }

    @Test
    void emptyDocumentIsEmptyMappingAndNullLoad() {
        assertEquals(Map.of(), Yaml.loadMapping("# only a comment\n", "t"));
        assertNull(Yaml.load("", "t"));
    }

    @Test
    void syntaxErrorNamesSourceLineAndColumn() {
        YamlException e = assertThrows(YamlException.class,
                () -> Yaml.load("a: 1\nb: [1, 2\nc: 3\n", "/etc/cloud/cloud.cfg.d/50_bad.cfg"));
        assertEquals("/etc/cloud/cloud.cfg.d/50_bad.cfg", e.source());
        assertEquals(3, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith("/etc/cloud/cloud.cfg.d/50_bad.cfg, line 3, column "), e.getMessage());
    }

    @Test
    void badIndentationReportsItsLine() {
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load("a:\n  b: 1\n c: 2\n", "f"));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void collectionKeysAreRefusedLikePyYaml() {
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load("a: 1\nb: {{ x }}\n", "k"));
        assertEquals("k, line 2, column 5: found unhashable key (while constructing a mapping)", e.getMessage());
        assertThrows(YamlException.class, () -> Yaml.load("? [1, 2]\n: v\n", "k"));
    }

    @Test
    void topLevelMustBeMapping() {
        YamlException e = assertThrows(YamlException.class, () -> Yaml.loadMapping("- a\n- b\n", "x.cfg"));
        assertEquals("x.cfg, line 1, column 1: top level must be a mapping, got a list", e.getMessage());
        assertThrows(YamlException.class, () -> Yaml.loadMapping("just text", "x.cfg"));
    }

    @Test
    void multipleDocumentsAreRejected() {
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load("a: 1\n---\nb: 2\n", "m"));
        assertEquals("m, line 2, column 1: expected a single document in the stream, but found another document",
                e.getMessage());
    }

    @Test
    void pythonAndCustomTagsAreRejected() {
        assertThrows(YamlException.class,
                () -> Yaml.load("a: !!python/object/apply:os.system ['id']\n", "evil"));
        assertThrows(YamlException.class, () -> Yaml.load("a: !custom x\n", "evil"));
        YamlException e = assertThrows(YamlException.class,
                () -> Yaml.load("a: !!javax.script.ScriptEngineManager [x]\n", "evil"));
        assertEquals("evil", e.source());
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load(sb.toString(), "bomb"));
        assertTrue(e.getMessage().toLowerCase().contains("alias"), e.getMessage());
    }

    @Test
    void expansionBeyondNodeLimitIsRefusedEvenUnderAliasLimit() {
        // 3 levels of 10 aliases each: within 100 aliases, but expands to over 1000 values
        String text = """
                a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                """;
        YamlLimits small = new YamlLimits(10_000, 100, 50, 1000);
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load(text, "exp", small));
        assertTrue(e.getMessage().contains("more than 1000 values"), e.getMessage());
        Map<?, ?> ok = (Map<?, ?>) Yaml.load(text, "exp");
        List<?> c = (List<?>) ok.get("c");
        assertEquals(10, c.size());
        assertEquals(10, ((List<?>) c.get(9)).size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ((List<?>) c.get(9)).get(9));
    }

    @Test
    void selfReferenceIsRefused() {
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load("a: &a [1, *a]\n", "self"));
        assertEquals("self", e.source());
    }

    @Test
    void nestingDepthIsBounded() {
        String deep = "[".repeat(200) + "]".repeat(200);
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load(deep, "deep"));
        assertTrue(e.getMessage().toLowerCase().contains("nest"), e.getMessage());
    }

    @Test
    void sizeIsBounded() {
        YamlLimits tiny = new YamlLimits(20, 10, 10, 100);
        YamlException e = assertThrows(YamlException.class, () -> Yaml.load("key: " + "x".repeat(30), "big", tiny));
        assertEquals("big: document is larger than 20 characters", e.getMessage());
    }

    @Test
    void dumpsBlockStyleSortedWithFourSpaceIndent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runcmd", List.of("ls -l", List.of("echo", "hi")));
        m.put("ntp", Map.of("enabled", true));
        m.put("users", List.of(Map.of("name", "bob", "groups", "adm")));
        m.put("empty", Map.of());
        m.put("b", "yes");
        m.put("a", 420);
        assertEquals("""
                a: 420
                b: 'yes'
                empty: {}
                ntp:
                    enabled: true
                runcmd:
                - ls -l
                -   - echo
                    - hi
                users:
                -   groups: adm
                    name: bob
                """, Yaml.dump(m));
    }

    @Test
    void dumpDocumentHasMarkersAndRoundTrips() {
        Map<String, Object> m = Map.of("write_files", List.of(Map.of("path", "/x", "content", "line1\nline2\n")));
        String text = Yaml.dumpDocument(m);
        assertTrue(text.startsWith("---\n"), text);
        assertTrue(text.endsWith("...\n"), text);
        assertEquals(m, Yaml.load(text, "round"));
    }

    @Test
    void facadeDoesNotReferToSnakeYaml() throws Exception {
        for (String cls : List.of("Yaml", "YamlException", "YamlLimits", "PlainData")) {
            try (InputStream in = Yaml.class.getResourceAsStream(cls + ".class")) {
                String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("org/yaml/snakeyaml"), cls + " must not load SnakeYAML");
            }
        }
    }
}
