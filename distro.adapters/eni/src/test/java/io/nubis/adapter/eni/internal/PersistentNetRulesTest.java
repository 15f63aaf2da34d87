package io.nubis.adapter.eni.internal;

import static io.nubis.adapter.eni.internal.Nets.of;
import static io.nubis.adapter.eni.internal.Nets.phys;
import static io.nubis.adapter.eni.internal.Nets.v1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.InterfaceType;

class PersistentNetRulesTest {
    @Test
    void onePhysicalInterfaceWithAMacPerLineInStateOrder() {
        String rules = PersistentNetRules.of(v1(List.of(
                phys("lan1").mac("52:54:00:00:00:02").build(),
                phys("nomac").build(),
                of("bond0", InterfaceType.BOND).mac("52:54:00:00:00:09").build(),
                phys("lan0").mac("52:54:00:00:00:01").driver("ixgbe").build())));
        assertEquals("""
                SUBSYSTEM=="net", ACTION=="add", DRIVERS=="?*", ATTR{address}=="52:54:00:00:00:02", NAME="lan1"
                SUBSYSTEM=="net", ACTION=="add", DRIVERS=="ixgbe", ATTR{address}=="52:54:00:00:00:01", NAME="lan0"
                """, rules);
    }

    @Test
    void noneIsAnEmptyFile() {
        assertEquals("", PersistentNetRules.of(v1(List.of(phys("eth0").build()))));
    }
}
