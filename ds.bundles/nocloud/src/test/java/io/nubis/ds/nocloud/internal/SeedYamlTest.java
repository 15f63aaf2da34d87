package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.datasource.DatasourceException;

class SeedYamlTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void yamlAndJson() throws Exception {
        assertEquals(Map.of("instance-id", "i-1", "n", 3), SeedYaml.mapping(b("instance-id: i-1\nn: 3\n"), "md"));
        assertEquals(Map.of("instance-id", "i-2", "keys", List.of("a")),
                SeedYaml.mapping(b("{\"instance-id\": \"i-2\", \"keys\": [\"a\"]}"), "md"));
    }

    @Test
    void emptyAndNullAreEmptyMappings() throws Exception {
        assertEquals(Map.of(), SeedYaml.mapping(b(""), "md"));
        assertEquals(Map.of(), SeedYaml.mapping(b("# nothing\n"), "md"));
        assertNull(SeedYaml.optionalMapping(b("~"), "nc"));
    }

    @Test
    void timestampsStayText() throws Exception {
        assertEquals("2024-01-02", SeedYaml.mapping(b("created: 2024-01-02\n"), "md").get("created"));
    }

    @Test
    void nonStringKeysBecomeText() throws Exception {
        assertEquals(Map.of("1", "one"), SeedYaml.mapping(b("1: one\n"), "md"));
    }

    @Test
    void brokenYamlNamesSourceAndLine() {
        DatasourceException e = assertThrows(DatasourceException.class,
                () -> SeedYaml.mapping(b("instance-id: a\nlocal-hostname: [unclosed\nx: 1\n"), "/seed/meta-data"));
        assertEquals(true, e.getMessage().startsWith("/seed/meta-data: line "), e.getMessage());
        assertEquals(true, e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void tabIndentReportsItsLine() {
        DatasourceException e = assertThrows(DatasourceException.class,
                () -> SeedYaml.mapping(b("a: 1\nb:\n\t- c\n"), "md"));
        assertEquals(true, e.getMessage().startsWith("md: line 3,"), e.getMessage());
    }

    @Test
    void nonMappingIsRejected() {
        DatasourceException e = assertThrows(DatasourceException.class,
                () -> SeedYaml.mapping(b("- a\n- b\n"), "/seed/meta-data"));
        assertEquals("/seed/meta-data: expected a YAML mapping, got a list", e.getMessage());
        e = assertThrows(DatasourceException.class, () -> SeedYaml.mapping(b("just text"), "md"));
        assertEquals("md: expected a YAML mapping, got a string", e.getMessage());
    }

    @Test
    void aliasBombIsRejected() {
        StringBuilder y = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 60; i++) {
            y.append("k").append(i).append(": [*a, *a]\n");
        }
        assertThrows(DatasourceException.class, () -> SeedYaml.mapping(b(y.toString()), "md"));
    }
}
