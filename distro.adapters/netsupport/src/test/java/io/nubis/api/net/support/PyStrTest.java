package io.nubis.api.net.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PyStrTest {
    @Test
    void pythonStrOfValues() {
        assertEquals("True", PyStr.of(true));
        assertEquals("100", PyStr.of(100));
        assertEquals("['a', 'b']", PyStr.of(List.of("a", "b")));
        assertEquals("None", PyStr.of(null));
    }

    @Test
    void itemsOfListsAndMapsAreTheirRepr() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eth0", 10);
        m.put("it's", List.of(true, "a\\b"));
        assertEquals("{'eth0': 10, 'it\\'s': [True, 'a\\\\b']}", PyStr.of(m));
    }

    @Test
    void falsyAsPythonSeesIt() {
        for (Object v : new Object[] {null, "", 0, 0L, 0.0, List.of(), Map.of(), false, Set.of()}) {
            assertFalse(PyStr.truthy(v), String.valueOf(v));
        }
        for (Object v : new Object[] {"0", " ", 1, -1, 0.5, List.of(""), Map.of("a", 1), true, "off"}) {
            assertTrue(PyStr.truthy(v), String.valueOf(v));
        }
    }

    @Test
    void pythonTruthOfSettings() {
        assertTrue(PyStr.truthy("True"));
        assertTrue(PyStr.truthy("False"));
        assertEquals(false, PyStr.truthy(""));
        assertEquals(false, PyStr.truthy(0));
        assertEquals(false, PyStr.truthy(null));
        assertEquals(false, PyStr.truthy(List.of()));
    }
}
