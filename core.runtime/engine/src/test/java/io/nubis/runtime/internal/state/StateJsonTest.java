package io.nubis.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.pyjson.JsonWriter;

/** The state files' JSON: written by the shared writer exactly as Python's json.dumps(indent=1, sort_keys=True), read back by JsonParser. */
class StateJsonTest {
    @Test
    void formatsLikePythonJsonDumpsIndent1SortKeys() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zeta", List.of());
        m.put("alpha", Map.of());
        m.put("mid", Arrays.asList(1, null, true, "x"));
        m.put("f", 10.5);
        assertEquals("{\n \"alpha\": {},\n \"f\": 10.5,\n \"mid\": [\n  1,\n  null,\n  true,\n  \"x\"\n ],\n \"zeta\": []\n}",
                JsonWriter.ciDumps(m));
    }

    @Test
    void escapesAsEnsureAscii() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u00e9\\u007f\\ud83d\\ude00/\"", JsonWriter.ciDumps("a\"b\\c\n\té\u007f😀/"));
    }

    @Test
    void floatsAsPythonRepr() {
        assertEquals("12.0", JsonWriter.floatRepr(12));
        assertEquals("1856.2", JsonWriter.floatRepr(1856.20));
        assertEquals("12345678.9", JsonWriter.floatRepr(12345678.9));
        assertEquals("0.0001", JsonWriter.floatRepr(0.0001));
        assertEquals("1e-05", JsonWriter.floatRepr(0.00001));
        assertEquals("1e+16", JsonWriter.floatRepr(1e16));
        assertEquals("-2.5e+20", JsonWriter.floatRepr(-2.5e20));
        assertEquals("1700000000.123", JsonWriter.floatRepr(1700000000.123));
    }

    @Test
    void parserReadsWhatTheWriterWrites() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "é\"\n");
        m.put("n", 42L);
        m.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        m.put("d", 1.25);
        m.put("l", Arrays.asList(null, false, Map.of("k", List.of())));
        assertEquals(m, JsonParser.parse(JsonWriter.ciDumps(m), "test"));
    }

    @Test
    void parserErrorsNameTheSourceAndLine() {
        IOException e = assertThrows(IOException.class, () -> JsonParser.parse("{\n \"a\": [1,\n}", "status.json"));
        assertEquals("status.json, line 3: not valid JSON: unexpected character '}'", e.getMessage());
        e = assertThrows(IOException.class, () -> JsonParser.parse("{} x", "f"));
        assertEquals("f, line 1: not valid JSON: unexpected text after the JSON value", e.getMessage());
        e = assertThrows(IOException.class, () -> JsonParser.parse("[".repeat(600), "deep"));
        assertEquals("deep, line 1: not valid JSON: nested deeper than 512 levels", e.getMessage());
    }
}
