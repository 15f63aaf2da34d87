package io.nubis.testkit;

import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.route;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static io.nubis.testkit.NetStates.withControl;
import static io.nubis.testkit.NetStates.withDns;
import static io.nubis.testkit.NetStates.withRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

class NetStatesTest {
    @Test
    void addressesAndRoutesCarryTheNetmaskOfTheirPrefixAsTheReaderGivesIt() {
        Route r = route("10.1.0.0", 16, "10.0.0.1", 7, 200);
        assertEquals(new Route("10.1.0.0", 16, "255.255.0.0", "10.0.0.1", 7, 200, Map.of()), r);
        assertEquals(new Route("::", 0, null, "fe80::1", null, null, Map.of()), route("::", 0, "fe80::1"));
        assertEquals(new Subnet("static", "10.0.0.5", 20, "255.255.240.0", "10.0.0.1", Dns.NONE, List.of(r), null,
                Map.of()), static4("10.0.0.5", 20, "10.0.0.1", r));
        assertEquals(new Subnet("static6", "fd00::5", 64, null, null, Dns.NONE, List.of(), null, Map.of()),
                static6("fd00::5", 64, null));
        assertEquals("0.0.0.0", static4("0.0.0.0", 0, null).netmask());
    }

    @Test
    void subnetsAreCopiedWithOneFieldChanged() {
        Subnet s = withRaw(withDns(withControl(dynamic("dhcp"), "hotplug"), new Dns(List.of("10.0.0.53"), List.of())),
                Map.of("metric", 5));
        assertEquals(new Subnet("dhcp", null, null, null, null, new Dns(List.of("10.0.0.53"), List.of()), List.of(),
                "hotplug", Map.of("metric", 5)), s);
    }

    @Test
    void interfacesAreBuiltWithWhatWasSetAndNothingElse() {
        NetInterface eth0 = physical("eth0").mac("52:54:00:00:00:01").mtu(9000).acceptRa(false).wakeOnLan()
                .driver("virtio_net").subnets(dynamic("dhcp")).dns(List.of("1.1.1.1"), List.of("x.example")).build();
        assertEquals(new NetInterface("eth0", InterfaceType.PHYSICAL, "52:54:00:00:00:01", 9000, false, true, false,
                new Match("52:54:00:00:00:01", null, "virtio_net"), List.of(dynamic("dhcp")), List.of(), null, null,
                Map.of(), new Dns(List.of("1.1.1.1"), List.of("x.example")), Map.of()), eth0);
        NetInterface vlan = NetIface.of("bond0.7", InterfaceType.VLAN).vlan("bond0", 7).param("vlan-raw-device", "x")
                .raw(Map.of("id", 7)).build();
        assertEquals(new NetInterface("bond0.7", InterfaceType.VLAN, null, null, null, false, false, Match.NONE,
                List.of(), List.of(), "bond0", 7, Map.of("vlan-raw-device", "x"), Dns.NONE, Map.of("id", 7)), vlan);
    }

    @Test
    void statesAreVersion1UnlessSaidOtherwise() {
        NetworkState s = state(List.of(route("0.0.0.0", 0, "10.0.0.1")), new Dns(List.of("10.0.0.53"), List.of()),
                physical("eth0"), NetIface.of("bond0", InterfaceType.BOND).members("eth0"));
        assertEquals(1, s.version());
        assertEquals(List.of("eth0", "bond0"), s.interfaces().stream().map(NetInterface::name).toList());
        assertEquals("bond0", s.parentOf("eth0").orElseThrow().name());
        assertEquals(new NetworkState(1, List.of(), List.of(), Dns.NONE, Map.of()), state());
        assertEquals(2, state(2, List.of(physical("eth0").build()), List.of(), Dns.NONE).version());
    }
}
