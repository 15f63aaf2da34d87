package io.nubis.api.net.support;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.InterfaceType;
import io.nubis.testkit.NetStates;

class PersistentNetRulesTest {
    @Test
    void onePhysicalInterfaceWithAMacPerLineInStateOrder() {
        String rules = PersistentNetRules.of(NetStates.state(
                physical("lan1").mac("52:54:00:00:00:02"),
                physical("nomac"),
                of("bond0", InterfaceType.BOND).mac("52:54:00:00:00:09"),
                physical("lan0").mac("52:54:00:00:00:01").driver("ixgbe")));
        assertEquals("""
                SUBSYSTEM=="net", ACTION=="add", DRIVERS=="?*", ATTR{address}=="52:54:00:00:00:02", NAME="lan1"
                SUBSYSTEM=="net", ACTION=="add", DRIVERS=="ixgbe", ATTR{address}=="52:54:00:00:00:01", NAME="lan0"
                """, rules);
    }

    @Test
    void noneIsAnEmptyFile() {
        assertEquals("", PersistentNetRules.of(NetStates.state(physical("eth0"))));
    }

    @Test
    void theUdevRuleMatchesTheDriverWhereTheConfigNamesOne() {
        assertEquals("SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"virtio_net\", ATTR{address}==\"02:00:00:00:00:07\", "
                + "NAME=\"lan0\"\n",
                PersistentNetRules.of(NetStates.state(physical("lan0").mac("02:00:00:00:00:07").driver("virtio_net"))));
    }

    @Test
    void aVersion1DriverParameterCountsAndAnEmptyDriverIsAny() {
        assertEquals("SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"e1000\", ATTR{address}==\"02:00:00:00:00:08\", "
                + "NAME=\"eth0\"\n",
                PersistentNetRules.of(NetStates.state(physical("eth0").mac("02:00:00:00:00:08").param("driver", "e1000"))));
        assertEquals("SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"?*\", ATTR{address}==\"02:00:00:00:00:08\", "
                + "NAME=\"eth0\"\n",
                PersistentNetRules.of(NetStates.state(physical("eth0").mac("02:00:00:00:00:08").driver(""))));
    }
}
