package io.nubis.runtime.internal.pyjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PyJsonTest {
    @Test
    void readsNestedDocumentWithAllValueKinds() {
        Object v = JsonReader.parse(" {\"a\": [1, -2.5, 1e3, true, false, null, \"x\\u00e9\\n\"],"
                + " \"b\": {}, \"c\": 12345678901234567890} ", "t.json");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1L, -2.5, 1000.0, true, false, null, "x\u00e9\n"), m.get("a"));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(new BigInteger("12345678901234567890"), m.get("c"));
    }

    @Test
    void duplicateKeysKeepTheLastValueLikePython() {
        assertEquals(Map.of("a", 2L), JsonReader.parse("{\"a\":1,\"a\":2}", "x"));
    }

    @Test
    void syntaxErrorsNameTheSourceLineAndColumn() {
        JsonException e = assertThrows(JsonException.class,
                () -> JsonReader.parse("{\n \"v1\": {\"stage\": nul}\n}", "/run/cloud-init/status.json"));
        assertEquals("/run/cloud-init/status.json, line 2, column 18: unexpected characters, expected a value",
                e.getMessage());
        assertEquals("t, line 1, column 3: no JSON document (empty input)",
                assertThrows(JsonException.class, () -> JsonReader.parse("  ", "t")).getMessage());
        assertEquals("t, line 1, column 10: extra data after the JSON document",
                assertThrows(JsonException.class, () -> JsonReader.parse("{\"a\": 1} x", "t")).getMessage());
        assertEquals("t, line 1, column 7: unterminated string",
                assertThrows(JsonException.class, () -> JsonReader.parse("{\"a\": \"abc", "t")).getMessage());
        assertEquals("t, line 1, column 1: expected a JSON object at the top level, got an array",
                assertThrows(JsonException.class, () -> JsonReader.parseObject("[1]", "t")).getMessage());
        assertTrue(assertThrows(JsonException.class, () -> JsonReader.parse("[01]", "t")).getMessage()
                .contains("expected ',' or ']'"));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "[".repeat(600) + "]".repeat(600);
        assertTrue(assertThrows(JsonException.class, () -> JsonReader.parse(deep, "t")).getMessage()
                .endsWith("nested deeper than 512 levels"));
    }

    @Test
    void writesLikePythonJsonDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", List.of(1, 2.0, "é\"\t\u007f"));
        m.put("a", Map.of());
        m.put("m", null);
        m.put("e", List.of());
        // json.dumps(m, indent=1, sort_keys=True)
        assertEquals("{\n \"a\": {},\n \"e\": [],\n \"m\": null,\n \"z\": [\n  1,\n  2.0,\n  \"\\u00e9\\\"\\t\\u007f\"\n ]\n}",
                JsonWriter.ciDumps(m));
        // json.dumps(m) keeps insertion order and uses ", "
        assertEquals("{\"z\": [1, 2.0, \"\\u00e9\\\"\\t\\u007f\"], \"a\": {}, \"m\": null, \"e\": []}",
                JsonWriter.dumps(m, -1, false));
        assertEquals("\"ci-b64:AAE=\"", JsonWriter.dumps(new byte[] {0, 1}, -1, false));
        assertEquals("\"\\ud83d\\ude00\"", JsonWriter.dumps("\ud83d\ude00", -1, false));
    }

    @Test
    void floatsUsePythonRepr() {
        assertEquals("0.1", JsonWriter.floatRepr(0.1));
        assertEquals("3.0", JsonWriter.floatRepr(3));
        assertEquals("-0.0", JsonWriter.floatRepr(-0.0));
        assertEquals("0.0001", JsonWriter.floatRepr(0.0001));
        assertEquals("1e-05", JsonWriter.floatRepr(0.00001));
        assertEquals("1.5e-07", JsonWriter.floatRepr(1.5e-7));
        assertEquals("1234567890123456.0", JsonWriter.floatRepr(1234567890123456.0));
        assertEquals("1e+16", JsonWriter.floatRepr(1e16));
        assertEquals("1.2345e+20", JsonWriter.floatRepr(1.2345e20));
        assertEquals("1700000000.123456", JsonWriter.floatRepr(1700000000.123456));
        assertEquals("12.34", JsonWriter.floatRepr(12.34));
        assertEquals("10000000.0", JsonWriter.floatRepr(1e7));
        assertEquals("NaN", JsonWriter.floatRepr(Double.NaN));
        assertEquals("-Infinity", JsonWriter.floatRepr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void readThenWriteRoundTripsAReferenceFile() {
        String ref = "{\n \"v1\": {\n  \"datasource\": null,\n  \"init\": {\n   \"errors\": [],\n   \"finished\": 5.68,\n"
                + "   \"recoverable_errors\": {},\n   \"start\": 4.91\n  },\n  \"stage\": null\n }\n}";
        assertEquals(ref, JsonWriter.ciDumps(JsonReader.parse(ref, "t")));
    }
}
