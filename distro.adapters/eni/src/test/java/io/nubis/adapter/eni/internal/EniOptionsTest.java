package io.nubis.adapter.eni.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EniOptionsTest {
    @Test
    void debianDefaults() {
        EniOptions o = EniOptions.of(Map.of());
        assertEquals("/etc/network/interfaces.d/50-cloud-init", o.eniPath());
        assertTrue(o.header().startsWith("# This file is generated from information provided by the datasource.  Changes\n"));
        assertTrue(o.header().endsWith("# network: {config: disabled}\n"));
        assertEquals("/etc/udev/rules.d/70-persistent-net.rules", o.netrulesPath());
        assertEquals(Dialect.IFUPDOWN, o.dialect());
    }

    @Test
    void busyboxDefaultsToTheMainFileAndAlpinesHeader() {
        EniOptions o = EniOptions.of(Map.of("dialect", "busybox"));
        assertEquals("/etc/network/interfaces", o.eniPath());
        assertTrue(o.header().startsWith("# This file is generated from information provided by the datasource. Changes\n"));
        assertTrue(o.header().endsWith("# network: {config: disabled}\n\n"));
        assertEquals("/etc/udev/rules.d/70-persistent-net.rules", o.netrulesPath());
        assertEquals(Dialect.BUSYBOX, o.dialect());
    }

    @Test
    void givenValuesWinAndRelativePathsAreRooted() {
        EniOptions o = EniOptions.of(Map.of("eni_path", "etc/network/interfaces", "eni_header", "# mine\n",
                "netrules_path", "etc/udev/rules.d/99-x.rules", "dialect", "ifupdown"));
        assertEquals("/etc/network/interfaces", o.eniPath());
        assertEquals("# mine\n", o.header());
        assertEquals("/etc/udev/rules.d/99-x.rules", o.netrulesPath());
    }

    @Test
    void nullOrEmptyMeansNone() {
        Map<String, Object> m = new HashMap<>();
        m.put("eni_header", null);
        m.put("netrules_path", null);
        EniOptions o = EniOptions.of(m);
        assertEquals("", o.header());
        assertNull(o.netrulesPath());
        assertNull(EniOptions.of(Map.of("netrules_path", "")).netrulesPath());
        assertEquals("", EniOptions.of(Map.of("eni_header", "")).header());
    }

    @Test
    void badValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EniOptions.of(Map.of("dialect", "systemd")));
        assertThrows(IllegalArgumentException.class, () -> EniOptions.of(Map.of("eni_path", "")));
    }
}
