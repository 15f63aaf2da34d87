package io.nubis.adapter.rcconf.internal;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.route;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;

class RcConfPlannerTest {

    /** The keys rendered into an empty rc.conf, without the ownership comments. */
    private static String keys(NetworkState state) {
        return keys(state, Map.of(), "");
    }

    private static String keys(NetworkState state, Map<String, String> current, String existing) {
        RcConfFile file = RcConfFile.parse(existing);
        String text = file.merge(RcConfPlanner.plan(state, current, file));
        return text.lines().filter(l -> !l.startsWith("# Nubis")).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void dhcpInterface() {
        assertEquals("ifconfig_vtnet0=DHCP\n", keys(state(physical("vtnet0").subnets(dynamic("dhcp")))));
    }

    @Test
    void staticAddressWithGatewayAndMtu() {
        assertEquals("""
                defaultrouter=192.0.2.1
                ifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0 mtu 9000'
                """, keys(state(physical("em0").mtu(9000).subnets(static4("192.0.2.5", 24, "192.0.2.1")))));
    }

    @Test
    void interfaceWithoutAddressIsOnlyBroughtUp() {
        assertEquals("ifconfig_em0=up\nifconfig_em1=up\n",
                keys(state(physical("em0"), physical("em1").subnets(dynamic("manual")))));
    }

    @Test
    void ipv6StaticSlaacAndDhcp6() {
        assertEquals("""
                ipv6_defaultrouter=2001:db8::1
                ifconfig_em0=up
                ifconfig_em0_ipv6='inet6 2001:db8::5 prefixlen 64'
                ifconfig_em1=DHCP
                ifconfig_em1_ipv6='inet6 accept_rtadv'
                ifconfig_em2=up
                ifconfig_em2_ipv6='inet6 accept_rtadv'
                """, keys(state(
                physical("em0").subnets(static6("2001:db8::5", 64, "2001:db8::1")),
                physical("em1").subnets(dynamic("dhcp"), dynamic("ipv6_slaac")),
                physical("em2").subnets(dynamic("dhcp6")))));
    }

    @Test
    void staticIpv6WithRouterAdvertisementsAccepted() {
        assertEquals("ifconfig_em0=up\nifconfig_em0_ipv6='inet6 2001:db8::5 prefixlen 64 accept_rtadv'\n",
                keys(state(physical("em0").acceptRa(true).subnets(static6("2001:db8::5", 64, null)))));
    }

    @Test
    void furtherAddressesBecomeConsecutiveAliases() {
        assertEquals("""
                ifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0'
                ifconfig_em0_ipv6='inet6 2001:db8::5 prefixlen 64'
                ifconfig_em0_alias0='inet 192.0.2.6 netmask 255.255.255.255'
                ifconfig_em0_alias1='inet 198.51.100.7 netmask 255.255.255.128'
                ifconfig_em0_alias2='inet6 2001:db8:1::5 prefixlen 48'
                """, keys(state(physical("em0").subnets(static4("192.0.2.5", 24, null),
                static6("2001:db8::5", 64, null), static4("192.0.2.6", 24, null), static4("198.51.100.7", 25, null),
                static6("2001:db8:1::5", 48, null)))));
    }

    @Test
    void dhcpWithStaticAddressesKeepsDhcpAndAddsAliases() {
        assertEquals("ifconfig_em0=DHCP\nifconfig_em0_alias0='inet 192.0.2.6 netmask 255.255.255.0'\n",
                keys(state(physical("em0").subnets(dynamic("dhcp"), static4("192.0.2.6", 24, null)))));
    }

    @Test
    void everyRouteForm() {
        String k = keys(state(List.of(route("10.0.0.0", 8, "192.0.2.254"), route("0.0.0.0", 0, "192.0.2.9", null, 2)),
                Dns.NONE, physical("em0").subnets(static4("192.0.2.5", 24, "192.0.2.1",
                        route("198.51.100.9", 32, "192.0.2.253"),
                        route("172.16.0.0", 12, null),
                        route("172.20.0.0", 16, "192.0.2.250", null, 5)),
                        static6("2001:db8::5", 64, "fe80::1", route("2001:db8:5::", 48, "fe80::2"),
                                route("2001:db8:6::1", 128, "2001:db8::9")))));
        assertEquals("""
                static_routes='net0 net1 net2:em0 net3:em0 net4:em0'
                route_net0='-net 10.0.0.0/8 192.0.2.254'
                route_net1='default 192.0.2.9 -fib 2'
                defaultrouter=192.0.2.1
                route_net2='-host 198.51.100.9 192.0.2.253'
                route_net3='-net 172.16.0.0/12 -iface em0'
                route_net4='-net 172.20.0.0/16 192.0.2.250 -fib 5'
                ipv6_defaultrouter=fe80::1%em0
                ipv6_static_routes='net0:em0 net1:em0'
                ipv6_route_net0='-net 2001:db8:5::/48 fe80::2%em0'
                ipv6_route_net1='-host 2001:db8:6::1 2001:db8::9'
                ifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0'
                ifconfig_em0_ipv6='inet6 2001:db8::5 prefixlen 64'
                """, k);
    }

    @Test
    void lastDefaultRouterWinsAsInTheReference() {
        assertEquals("""
                defaultrouter=198.51.100.1
                ifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0'
                ifconfig_em1='inet 198.51.100.5 netmask 255.255.255.0'
                """, keys(state(List.of(route("0.0.0.0", 0, "192.0.2.9")), Dns.NONE,
                physical("em0").subnets(static4("192.0.2.5", 24, "192.0.2.1")),
                physical("em1").subnets(static4("198.51.100.5", 24, "198.51.100.1")))));
    }

    @Test
    void routeNamesOtherSoftwareUsesAreSkipped() {
        String existing = "static_routes=\"net0 net1:igb0\"\nroute_net0=\"-net 10.1.0.0/16 10.0.0.1\"\n"
                + "route_net1=\"-net 10.2.0.0/16 10.0.0.1\"\nroute_net2=\"-net 10.3.0.0/16 10.0.0.1\"\n";
        assertEquals("""
                static_routes='net0 net1:igb0 net3'
                route_net0="-net 10.1.0.0/16 10.0.0.1"
                route_net1="-net 10.2.0.0/16 10.0.0.1"
                route_net2="-net 10.3.0.0/16 10.0.0.1"
                route_net3='-net 10.9.0.0/16 192.0.2.254'
                ifconfig_em0=DHCP
                """, keys(state(List.of(route("10.9.0.0", 16, "192.0.2.254")), Dns.NONE,
                physical("em0").subnets(dynamic("dhcp"))), Map.of(), existing));
    }

    @Test
    void renamesPhysicalInterfacesByMac() {
        assertEquals("""
                ifconfig_vtnet0_name=eth0
                cloned_interfaces=lagg0
                ifconfig_eth0=DHCP
                ifconfig_eth1=DHCP
                ifconfig_lagg0='laggproto failover laggport eth0 laggport eth1 up'
                """, keys(state(physical("eth0").mac("52:54:00:AA:00:01").subnets(dynamic("dhcp")),
                physical("eth1").mac("52:54:00:aa:00:02").subnets(dynamic("dhcp")),
                of("lagg0", InterfaceType.BOND).mac("52:54:00:aa:00:01").members("eth0", "eth1")
                        .param("bond-mode", "active-backup")),
                Map.of("52:54:00:aa:00:01", "vtnet0", "52:54:00:aa:00:02", "eth1"), ""));
    }

    @Test
    void bondsBecomeLaggsWithTheirVlans() {
        assertEquals("""
                cloned_interfaces=lagg0
                ifconfig_em0=up
                ifconfig_em1=up
                vlans_lagg0='100 vlan7'
                ifconfig_lagg0='laggproto lacp lagghash l3,l4 lacp_fast_timeout laggport em1 laggport em0 up mtu 9000'
                ifconfig_lagg0_100='inet 192.0.2.5 netmask 255.255.255.0'
                create_args_vlan7='vlan 7'
                ifconfig_vlan7=DHCP
                """, keys(state(physical("em0"), physical("em1"),
                of("bond0", InterfaceType.BOND).members("em0", "em1").mtu(9000)
                        .param("bond-mode", "802.3ad").param("bond-xmit-hash-policy", "layer3+4")
                        .param("bond-lacp-rate", "fast").param("bond-primary", "em1"),
                of("bond0.100", InterfaceType.VLAN).vlan("bond0", 100).subnets(static4("192.0.2.5", 24, null)),
                of("vlan7", InterfaceType.VLAN).vlan("bond0", 7).subnets(dynamic("dhcp")))));
    }

    @Test
    void laggNumbersInUseElsewhereAreSkipped() {
        assertEquals("""
                cloned_interfaces='lagg0 tap0 lagg1 lagg2 bridge0'
                ifconfig_lagg1='laggproto roundrobin up'
                ifconfig_lagg2='laggproto failover up'
                ifconfig_bridge0='addm lagg1 up'
                """, keys(state(of("bond0", InterfaceType.BOND),
                of("lagg2", InterfaceType.BOND).param("bond-mode", 1),
                of("br0", InterfaceType.BRIDGE).members("bond0")), Map.of(), "cloned_interfaces=\"lagg0 tap0\"\n"));
    }

    @Test
    void bridgesWithSpanningTree() {
        assertEquals("""
                cloned_interfaces=bridge0
                ifconfig_em0=up
                ifconfig_em1=up
                ifconfig_bridge0='addm em0 addm em1 stp em0 stp em1 priority 28672 hellotime 2 \
                maxage 12 timeout 250 ifpathcost em0 50 ifpriority em1 32 inet 192.0.2.5 netmask 255.255.255.0'
                """, keys(state(physical("em0"), physical("em1"),
                of("br0", InterfaceType.BRIDGE).members("em0", "em1").param("bridge_stp", true)
                        .param("bridge_bridgeprio", 28672).param("bridge_fd", 0).param("bridge_hello", "2")
                        .param("bridge_maxage", 12).param("bridge_ageing", 250)
                        .param("bridge_pathcost", List.of("em0 50")).param("bridge_portprio", Map.of("em1", 32))
                        .subnets(static4("192.0.2.5", 24, null)))));
    }

    @Test
    void loopbackIsLeftToTheSystem() {
        assertEquals("ifconfig_em0=DHCP\n",
                keys(state(of("lo", InterfaceType.LOOPBACK).subnets(static4("127.0.0.1", 8, null)), physical("lo0"),
                        physical("em0").subnets(dynamic("dhcp")))));
    }

    @Test
    void namesThatCannotBeVariablesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> keys(state(physical("em0;reboot").subnets(dynamic("dhcp")))));
        assertEquals("interface name 'em0;reboot' cannot be written to rc.conf: only letters, digits and . - / + _"
                + " make variable names", e.getMessage());
    }

    @Test
    void punctuationInNamesBecomesUnderscoresInKeys() {
        assertEquals("vlans_em0=101\nifconfig_em0=up\nifconfig_em0_101=DHCP\n",
                keys(state(physical("em0"),
                        of("em0.101", InterfaceType.VLAN).vlan("em0", 101).subnets(dynamic("dhcp")))));
    }
}
