package io.nubis.api.net.support;

import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.route;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.testkit.NetStates;

class GlobalRoutesTest {
    private static List<String> homes(NetworkState s, Route r) {
        return GlobalRoutes.homes(s, r).stream().map(NetInterface::name).toList();
    }

    @Test
    void aRouteGoesToTheInterfacesWhoseStaticSubnetHoldsItsGateway() {
        NetworkState s = NetStates.state(physical("eth0").subnets(static4("10.0.1.5", 24, null)),
                physical("eth1").subnets(static4("10.0.2.5", 24, null)),
                physical("eth2").subnets(dynamic("dhcp")));
        assertEquals(List.of("eth1"), homes(s, route("192.168.5.0", 24, "10.0.2.1")));
    }

    @Test
    void withoutSuchASubnetItGoesToTheInterfacesThatGetAnAddressOfItsFamilyDynamically() {
        NetworkState s = NetStates.state(physical("eth0").subnets(static4("10.0.1.5", 24, null)),
                physical("eth1").subnets(dynamic("dhcp4")), physical("eth2").subnets(dynamic("ipv6_slaac")),
                physical("eth3").subnets(static6("2001:db8::5", 64, null)));
        assertEquals(List.of("eth1"), homes(s, route("192.168.5.0", 24, "172.16.0.1")));
        assertEquals(List.of("eth2"), homes(s, route("2001:db8:9::", 48, "fd00::1")));
        assertEquals(List.of("eth3"), homes(s, route("2001:db8:9::", 48, "2001:db8::1")));
    }

    @Test
    void anOnLinkRouteOrOneNoInterfaceReachesHasNoHome() {
        NetworkState s = NetStates.state(physical("eth0").subnets(static4("10.0.1.5", 24, null)));
        assertEquals(List.of(), homes(s, route("192.168.5.0", 24, null)));
        assertEquals(List.of(), homes(s, route("192.168.5.0", 24, "10.0.2.1")));
    }

    @Test
    void containsComparesTheNetworkPartOfLiteralsOnly() {
        assertTrue(GlobalRoutes.contains(static4("10.0.0.5", 8, null), "10.255.0.1"));
        assertFalse(GlobalRoutes.contains(static4("10.0.0.5", 8, null), "11.0.0.1"));
        assertTrue(GlobalRoutes.contains(static6("2001:db8::5", 64, null), "2001:db8::ffff"));
        assertFalse(GlobalRoutes.contains(static6("2001:db8::5", 64, null), "10.0.0.1"));
        assertFalse(GlobalRoutes.contains(static4("10.0.0.5", 8, null), "localhost"));
        assertFalse(GlobalRoutes.contains(dynamic("dhcp"), "10.0.0.1"));
    }
}
