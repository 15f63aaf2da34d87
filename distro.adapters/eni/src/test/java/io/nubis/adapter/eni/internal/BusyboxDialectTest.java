package io.nubis.adapter.eni.internal;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.route;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static io.nubis.testkit.NetStates.withControl;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;

class BusyboxDialectTest {
    private static final String LO = "auto lo\niface lo inet loopback\n\n";

    private static String busybox(NetworkState s) {
        return InterfacesFile.render(s, Dialect.BUSYBOX);
    }

    @Test
    void addressesHaveASeparateNetmaskAndHotplugIsAuto() {
        NetworkState s = state(physical("eth0")
                .subnets(withControl(static4("10.0.0.2", 20, "10.0.0.1", route("10.8.0.0", 16, "10.0.0.9")),
                        "hotplug"))
                .subnets(static6("fd00::2", 64, "fd00::1")));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet static
                    address 10.0.0.2
                    gateway 10.0.0.1
                    netmask 255.255.240.0
                    post-up ip route add 10.8.0.0/16 via 10.0.0.9 dev eth0 || true
                    pre-down ip route del 10.8.0.0/16 via 10.0.0.9 dev eth0 || true

                # control-alias eth0
                iface eth0 inet6 static
                    address fd00::2
                    gateway fd00::1
                    netmask 64
                """, busybox(s));
    }

    @Test
    void dynamicIpv6IsManualWithCommands() {
        NetworkState s = state(physical("a").subnets(dynamic("ipv6_slaac")),
                physical("b").subnets(dynamic("dhcp6")),
                physical("c").subnets(dynamic("ipv6_dhcpv6-stateless")));
        assertEquals(LO + """
                auto a
                iface a inet6 manual
                    dhcp 0
                    post-up ip link set dev a up

                auto b
                iface b inet6 manual
                    post-up ip link set dev b up
                    post-up udhcpc6 -b -R -p /var/run/udhcpc6.b.pid -i b
                    pre-down kill $(cat /var/run/udhcpc6.b.pid) 2>/dev/null || true

                auto c
                iface c inet6 manual
                    dhcp 1
                    post-up ip link set dev c up
                    post-up udhcpc6 -b -R -l -p /var/run/udhcpc6.c.pid -i c
                    pre-down kill $(cat /var/run/udhcpc6.c.pid) 2>/dev/null || true
                """, busybox(s));
    }

    @Test
    void hwaddressNamesItsClassAndMtuIsSetWhereTheMethodIgnoresIt() {
        NetworkState s = state(of("bond0", InterfaceType.BOND).mac("02:00:00:00:00:01").mtu(9000)
                .members("eth0").subnets(dynamic("dhcp4")), physical("eth0").mtu(9000));
        assertEquals(LO + """
                auto eth0
                iface eth0 inet manual
                    bond-master bond0
                    mtu 9000
                    post-up ip link set dev eth0 mtu 9000

                auto bond0
                iface bond0 inet dhcp
                    bond-slaves none
                    hwaddress ether 02:00:00:00:00:01
                    mtu 9000
                    post-up ip link set dev bond0 mtu 9000
                """, busybox(s));
    }

    @Test
    void anOptionGivenTwiceIsKeptOnceAndTheRestCommented() {
        assertEquals(List.of("iface br0 inet manual", "    bridge_pathcost eth0 1", "    mtu 1500",
                "    # bridge_pathcost eth1 2 (busybox ifupdown takes bridge_pathcost once)",
                "    # mtu 9000 (busybox ifupdown takes mtu once)", "    post-up a", "    post-up b", "    up c", "    up d"),
                BusyboxStanzas.withoutRepeats(List.of("iface br0 inet manual", "    bridge_pathcost eth0 1", "    mtu 1500",
                        "    bridge_pathcost eth1 2", "    mtu 9000", "    post-up a", "    post-up b", "    up c",
                        "    up d")));
    }

    @Test
    void globalRoutesUseIpWithoutADevice() {
        NetworkState s = state(List.of(route("::", 0, "fe80::1", 9, null)), Dns.NONE);
        assertEquals("""
                auto lo
                iface lo inet loopback

                post-up ip -6 route add default via fe80::1 metric 9 || true
                pre-down ip -6 route del default via fe80::1 metric 9 || true
                """, busybox(s));
    }
}
