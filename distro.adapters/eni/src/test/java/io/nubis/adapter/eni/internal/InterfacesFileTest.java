package io.nubis.adapter.eni.internal;

import static io.nubis.testkit.NetIface.of;
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
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;

class InterfacesFileTest {
    private static final String LO = "auto lo\niface lo inet loopback\n\n";

    private static String eni(NetworkState s) {
        return InterfacesFile.render(s, Dialect.IFUPDOWN);
    }

    @Test
    void emptyStateIsTheLoopbackOnly() {
        assertEquals("auto lo\niface lo inet loopback\n", eni(state()));
    }

    @Test
    void laterSubnetsOfAnInterfaceAreAliasesWithoutAnotherAuto() {
        NetworkState s = state(physical("eth0").mtu(1500)
                .subnets(static4("10.0.0.2", 24, "10.0.0.1"))
                .subnets(static6("2001:db8::2", 64, null))
                .subnets(dynamic("dhcp4")));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet static
                    address 10.0.0.2/24
                    gateway 10.0.0.1
                    mtu 1500

                # control-alias eth0
                iface eth0 inet6 static
                    address 2001:db8::2/64

                # control-alias eth0
                iface eth0 inet dhcp
                """, eni(s));
    }

    @Test
    void hotplugAndManualControlAndAnAutoAfterAHotplugStanza() {
        NetworkState s = state(physical("eth1")
                .subnets(withControl(static4("10.0.0.5", 16, null), "hotplug"))
                .subnets(static4("10.1.0.5", 16, null))
                .subnets(withControl(static4("10.2.0.5", 16, null), "manual")));
        assertEquals(LO + """
                allow-hotplug eth1
                iface eth1 inet static
                    address 10.0.0.5/16

                auto eth1
                iface eth1 inet static
                    address 10.1.0.5/16

                # control-alias eth1
                iface eth1 inet static
                    address 10.2.0.5/16
                """, eni(s));
    }

    @Test
    void firstSubnetsIpv4MtuWinsOverTheInterfaceMtu() {
        NetworkState s = state(physical("eth0").mtu(9000)
                .subnets(withRaw(static4("10.0.0.2", 24, null), Map.of("mtu", 1400))),
                physical("eth1").mtu(9000).subnets(withRaw(static6("fd00::1", 64, null), Map.of("mtu", 1280))));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet static
                    address 10.0.0.2/24
                    mtu 1400

                auto eth1
                iface eth1 inet6 static
                    address fd00::1/64
                    mtu 1280
                    mtu 9000
                """, eni(s));
    }

    @Test
    void acceptRaAndDhcpFlagsFollowTheFirstSubnetsMethod() {
        NetworkState s = state(
                physical("a").acceptRa(false).subnets(static4("10.0.0.2", 24, null)),
                physical("b").acceptRa(true).subnets(dynamic("dhcp")),
                physical("c").acceptRa(true).subnets(dynamic("dhcp4")),
                physical("d").subnets(dynamic("ipv6_slaac")),
                physical("e").acceptRa(false).subnets(dynamic("ipv6_dhcpv6-stateless")),
                physical("f").acceptRa(false).subnets(dynamic("ipv6_dhcpv6-stateful")));
        assertEquals(LO + """
                auto a
                iface a inet static
                    address 10.0.0.2/24

                auto b
                iface b inet dhcp

                auto c
                iface c inet dhcp
                    accept_ra 1

                auto d
                iface d inet6 auto
                    dhcp 0

                auto e
                iface e inet6 auto
                    dhcp 1

                auto f
                iface f inet6 dhcp
                    accept_ra 0
                """, eni(s));
    }

    @Test
    void bondSlavesAreAutoWithTheBondsParametersAndBridgePortsAreNot() {
        NetworkState s = state(
                of("br0", InterfaceType.BRIDGE).members("eth2").param("bridge_stp", "1").param("bridge_fd", 0)
                        .param("bridge_waitport", List.of("5 eth2")),
                of("bond0", InterfaceType.BOND).mac("02:00:00:00:00:01").members("eth0", "eth1")
                        .param("bond-mode", "802.3ad").param("bond-miimon", 100),
                physical("eth2"), physical("eth1").mac("02:00:00:00:00:03"),
                physical("eth0").param("bond-mode", "balance-rr"));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet manual
                    bond-master bond0
                    bond-miimon 100
                    bond-mode 802.3ad

                auto eth1
                iface eth1 inet manual
                    bond-master bond0
                    bond-miimon 100
                    bond-mode 802.3ad

                iface eth2 inet manual

                auto bond0
                iface bond0 inet manual
                    bond-miimon 100
                    bond-mode 802.3ad
                    bond-slaves none
                    hwaddress 02:00:00:00:00:01

                iface br0 inet manual
                    bridge_ports eth2
                    bridge_stp on
                    bridge_waitport 5 eth2
                """, eni(s));
    }

    @Test
    void vlanAndInfinibandAndWakeOnLan() {
        NetworkState s = state(
                of("eth0.7", InterfaceType.VLAN).vlan("eth0", 7).subnets(dynamic("dhcp4")),
                of("ib0", InterfaceType.INFINIBAND).mac("a0:00:02:20").subnets(dynamic("manual")),
                physical("eth0").wakeOnLan());
        // a device without subnets is only "auto" in a bond; the VLAN brings up its raw device
        assertEquals(LO + """
                iface eth0 inet manual
                    ethernet-wol g

                auto ib0
                iface ib0 inet manual
                    hwaddress a0:00:02:20

                auto eth0.7
                iface eth0.7 inet dhcp
                    vlan-raw-device eth0
                    vlan_id 7
                """, eni(s));
    }

    @Test
    void globalDnsGoesOnTheLoopbackAndGlobalRoutesLast() {
        NetworkState s = state(1, List.of(physical("eth0").subnets(dynamic("dhcp")).build()),
                List.of(route("0.0.0.0", 0, "10.0.0.1"), route("10.9.0.0", 16, "10.0.0.2", 3, null)),
                new Dns(List.of("10.0.0.53", "10.0.1.53"), List.of("a.example", "b.example")));
        assertEquals("""
                auto lo
                iface lo inet loopback
                    dns-nameservers 10.0.0.53 10.0.1.53
                    dns-search a.example b.example

                auto eth0
                iface eth0 inet dhcp

                post-up route add default gw 10.0.0.1 || true
                pre-down route del default gw 10.0.0.1 || true

                post-up route add -net 10.9.0.0/16 gw 10.0.0.2 metric 3 || true
                pre-down route del -net 10.9.0.0/16 gw 10.0.0.2 metric 3 || true
                """, eni(s));
    }

    @Test
    void aDeclaredLoopbackKeepsItsSubnetsAndTakesTheGlobalDns() {
        NetworkState withSubnet = state(1, List.of(of("lo", InterfaceType.LOOPBACK)
                .subnets(withDns(static4("127.0.0.2", 8, null), new Dns(List.of("1.1.1.1"), List.of("own.example")))).build()),
                List.of(), new Dns(List.of("10.0.0.53"), List.of()));
        assertEquals("""
                auto lo
                iface lo inet static
                    address 127.0.0.2/8
                    dns-nameservers 10.0.0.53
                    dns-search own.example
                """, eni(withSubnet));
        NetworkState bare = state(of("lo", InterfaceType.LOOPBACK));
        assertEquals("iface lo inet manual\n", eni(bare));
        NetworkState bareWithDns = state(1, List.of(of("lo", InterfaceType.LOOPBACK).build()), List.of(),
                new Dns(List.of("10.0.0.53"), List.of()));
        assertEquals("auto lo\niface lo inet loopback\n    dns-nameservers 10.0.0.53\n", eni(bareWithDns));
    }

    @Test
    void interfaceDnsOfVersion1IsWrittenOnItsFirstStanzaAndNeverAsADict() {
        NetworkState s = state(
                physical("eth0").dns(List.of("9.9.9.9", "10.0.0.1"), List.of("x.example"))
                        .subnets(withDns(static4("10.0.0.2", 24, null), new Dns(List.of("10.0.0.1"), List.of())))
                        .subnets(static6("fd00::2", 64, null)),
                physical("eth1").dns(List.of("9.9.9.9"), List.of()));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet static
                    address 10.0.0.2/24
                    dns-nameservers 10.0.0.1 9.9.9.9
                    dns-search x.example

                # control-alias eth0
                iface eth0 inet6 static
                    address fd00::2/64

                iface eth1 inet manual
                    dns-nameservers 9.9.9.9
                """, eni(s));
    }

    @Test
    void interfaceDnsOfVersion2IsNotRepeated() {
        NetworkState s = state(2, List.of(physical("eth0").dns(List.of("1.1.1.1"), List.of("x.example"))
                .subnets(dynamic("dhcp4")).build()), List.of(), new Dns(List.of("1.1.1.1"), List.of("x.example")));
        String out = eni(s);
        assertEquals("""
                auto lo
                iface lo inet loopback
                    dns-nameservers 1.1.1.1
                    dns-search x.example

                auto eth0
                iface eth0 inet dhcp
                """, out);
        assertFalse(out.contains("{"), out);
    }

    @Test
    void subnetKeysFromTheRawMapAreWrittenSortedAndFalseOnesLeftOut() {
        NetworkState s = state(physical("eth0").subnets(withRaw(static4("10.0.0.2", 24, "10.0.0.1"),
                Map.of("broadcast", "10.0.0.255", "metric", 0, "pointopoint", "10.0.0.9", "scope", "link",
                        "netmask", "255.255.255.0"))));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet static
                    address 10.0.0.2/24
                    broadcast 10.0.0.255
                    gateway 10.0.0.1
                    pointopoint 10.0.0.9
                    scope link
                """, eni(s));
    }

    @Test
    void interfacesAreOrderedByKindThenName() {
        NetworkState s = state(of("v1", InterfaceType.VLAN).vlan("b", 1),
                of("br", InterfaceType.BRIDGE), of("bo", InterfaceType.BOND),
                of("ib", InterfaceType.INFINIBAND), physical("b"), physical("a"),
                of("lo2", InterfaceType.LOOPBACK));
        List<String> order = eni(s).lines().filter(l -> l.startsWith("iface ")).map(l -> l.split(" ")[1]).toList();
        assertEquals(List.of("lo", "lo2", "a", "b", "ib", "bo", "br", "v1"), order);
    }
}
