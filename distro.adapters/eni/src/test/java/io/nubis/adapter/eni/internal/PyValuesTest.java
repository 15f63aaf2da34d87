package io.nubis.adapter.eni.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.support.PyStr;

class PyValuesTest {
    @Test
    void booleansBecomeOnOffBeforeTheFalsyCheck() {
        assertEquals("off", PyValues.onOff(false));
        assertEquals("on", PyValues.onOff(true));
        assertEquals(3, PyValues.onOff(3));
        assertTrue(PyStr.truthy(PyValues.onOff(false)));
    }

    @Test
    void textJoinsListsAndPairs() {
        assertEquals("eth0 eth1", PyValues.text(List.of("eth0", "eth1")));
        assertEquals("10.0.0.1 10.0.0.2", PyValues.text(List.of("10.0.0.1", "10.0.0.2")));
        assertEquals("1 on", PyValues.text(List.of(1, true)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eth0", 50);
        m.put("eth1", 75);
        assertEquals("eth0 50 eth1 75", PyValues.text(m));
        assertEquals("100", PyValues.text(100));
    }

    @Test
    void eachValueOfAMultiValuedOption() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eth0", 50);
        m.put("eth1", 75);
        assertEquals(List.of("eth0 50", "eth1 75"), PyValues.each(m));
        assertEquals(List.of("eth0 28", "eth1 14"), PyValues.each(List.of("eth0 28", "eth1 14")));
        assertEquals(List.of("eth0 50"), PyValues.each("eth0 50"));
    }
}
