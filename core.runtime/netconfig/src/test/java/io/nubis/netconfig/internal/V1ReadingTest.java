package io.nubis.netconfig.internal;

import static io.nubis.netconfig.internal.Configs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/** Version 1 semantics, including the places where the model deliberately differs from 22.4. */
class V1ReadingTest {

    @Test
    void wrapperIsOptionalAndSourceIsTheUnwrappedConfig() throws Exception {
        String body = "version: 1\nconfig:\n  - {type: physical, name: eth0, subnets: [{type: dhcp}]}\n";
        NetworkState plain = read(body);
        NetworkState wrapped = read("network:\n" + body.replaceAll("(?m)^", "  "));
        assertEquals(plain, wrapped);
        assertEquals(1, plain.version());
        assertEquals(Configs.yaml(body), plain.source());
        assertTrue(plain.interfaces().get(0).hasDhcp4());
    }

    @Test
    void configDisabledGivesAnEmptyState() throws Exception {
        NetworkState s = read("network: {config: disabled}");
        assertTrue(s.interfaces().isEmpty());
        assertTrue(read("version: 1\nconfig: disabled").interfaces().isEmpty());
    }

    @Test
    void staticSubnetIsNormalisedLikeTheReference() throws Exception {
        NetInterface eth0 = read("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    mac_address: "AA:BB:CC:DD:EE:0F"
                    mtu: "1500"
                    subnets:
                      - {type: static, address: 192.168.1.10/24, gateway: 192.168.1.1, control: hotplug}
                      - {type: static6, address: "2001:db8::10/64", netmask: "ffff:ffff::"}
                """).interfaces().get(0);
        assertEquals("aa:bb:cc:dd:ee:0f", eth0.macAddress());
        assertEquals(1500, eth0.mtu());
        Subnet v4 = eth0.subnets().get(0);
        assertEquals(List.of("192.168.1.10", 24, "255.255.255.0", "192.168.1.1", "hotplug"),
                List.of(v4.address(), v4.prefix(), v4.netmask(), v4.gateway(), v4.control()));
        assertEquals("192.168.1.10/24", v4.cidr());
        Subnet v6 = eth0.subnets().get(1);
        assertEquals("2001:db8::10", v6.address());
        assertEquals(64, v6.prefix());
        assertNull(v6.netmask());
        assertTrue(v6.isIpv6());
    }

    @Test
    void prefixZeroIsKeptWhereTheReferenceFallsBackTo24() throws Exception {
        // 22.4 drops falsy values before reading the prefix, so 'prefix: 0' became /24 (a default
        // route turned into 0.0.0.0/24); the model keeps the 0 that was written.
        NetworkState s = read("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    subnets:
                      - type: static
                        address: 10.0.0.2/24
                        routes: [{network: 0.0.0.0, prefix: 0, gateway: 10.0.0.1}]
                  - {type: route, destination: "::", prefix: 0, gateway: "2001:db8::1"}
                """);
        Route r = s.interfaces().get(0).subnets().get(0).routes().get(0);
        assertEquals(0, r.prefix());
        assertEquals("0.0.0.0", r.netmask());
        assertTrue(r.isDefault());
        assertTrue(s.routes().get(0).isDefault());
        assertTrue(s.routes().get(0).isIpv6());
    }

    @Test
    void routeEntriesWithNetworkAndNameserversWithOnlySearchAreKept() throws Exception {
        // 22.4 requires 'destination' on route entries and 'address' on nameserver entries and
        // silently skips the entry otherwise; both spellings are documented, so both are read.
        NetworkState s = read("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: route, network: 198.51.100.0, netmask: 255.255.255.128, gateway: 10.0.0.1, metric: "7"}
                  - {type: nameserver, search: [only.example]}
                """);
        assertEquals(new Route("198.51.100.0", 25, "255.255.255.128", "10.0.0.1", 7, null,
                Map.of("type", "route", "network", "198.51.100.0", "netmask", "255.255.255.128", "gateway", "10.0.0.1",
                        "metric", "7")), s.routes().get(0));
        assertEquals(new Dns(List.of(), List.of("only.example")), s.dns());
    }

    @Test
    void routeMetricAndTable() throws Exception {
        Route r = read("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    subnets:
                      - type: static
                        address: 10.0.0.2/24
                        routes: [{destination: 10.20.0.0/16, gateway: 10.0.0.252, metric: 0, table: 200}]
                """).interfaces().get(0).subnets().get(0).routes().get(0);
        assertEquals(0, r.metric());
        assertEquals(200, r.table());
        assertEquals("10.20.0.0", r.network());
        assertEquals("255.255.0.0", r.netmask());
    }

    @Test
    void dnsGlobalPerInterfaceAndPerSubnet() throws Exception {
        NetworkState s = read("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    subnets: [{type: static, address: 10.0.0.2/24, dns_nameservers: "10.0.0.53 10.0.0.54", dns_search: a.example}]
                  - {type: physical, name: eth1}
                  - {type: nameserver, address: [8.8.8.8, 8.8.4.4], search: [example.com]}
                  - {type: nameserver, address: 8.8.8.8, search: example.org}
                  - {type: nameserver, interface: eth1, address: [192.0.2.53], search: [eth1.example]}
                """);
        assertEquals(new Dns(List.of("8.8.8.8", "8.8.4.4"), List.of("example.com", "example.org")), s.dns());
        assertEquals(new Dns(List.of("192.0.2.53"), List.of("eth1.example")), s.find("eth1").orElseThrow().dns());
        assertEquals(Dns.NONE, s.find("eth0").orElseThrow().dns());
        assertEquals(new Dns(List.of("10.0.0.53", "10.0.0.54"), List.of("a.example")),
                s.find("eth0").orElseThrow().subnets().get(0).dns());
    }

    @Test
    void twoNameserverEntriesForOneInterfaceAreMerged() throws Exception {
        // 22.4 keeps only the last entry for an interface.
        NetworkState s = read("""
                version: 1
                config:
                  - {type: nameserver, interface: eth0, address: [10.0.0.53], search: [a.example]}
                  - {type: physical, name: eth0}
                  - {type: nameserver, interface: eth0, address: [10.0.0.54, 10.0.0.53]}
                """);
        assertEquals(new Dns(List.of("10.0.0.53", "10.0.0.54"), List.of("a.example")), s.interfaces().get(0).dns());
        assertEquals(Dns.NONE, s.dns());
    }

    @Test
    void bondParamsAreNamedWithDashesAndBridgeStpBecomesABoolean() throws Exception {
        NetworkState s = read("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: physical, name: eth1}
                  - {type: physical, name: eth2}
                  - type: bond
                    name: bond0
                    bond_interfaces: [eth0, eth1]
                    params: {bond_mode: 802.3ad, bond_xmit_hash_policy: layer3+4, bond-miimon: 100}
                  - type: bridge
                    name: br0
                    bridge_interfaces: [eth2]
                    params: {bridge_stp: "off", bridge-fd: 0, bridge_pathcost: ["eth2 50"]}
                """);
        NetInterface bond = s.find("bond0").orElseThrow();
        assertEquals(Map.of("bond-mode", "802.3ad", "bond-xmit-hash-policy", "layer3+4", "bond-miimon", 100),
                bond.params());
        assertEquals(List.of("eth0", "eth1"), bond.members());
        assertEquals("bond0", s.parentOf("eth1").orElseThrow().name());
        NetInterface br = s.find("br0").orElseThrow();
        assertEquals(Map.of("bridge_stp", false, "bridge_fd", 0, "bridge_pathcost", List.of("eth2 50")), br.params());
        assertEquals(InterfaceType.BRIDGE, br.type());
    }

    @Test
    void membersMayBeDefinedAfterTheirBondAndOrderFollowsTheReference() throws Exception {
        NetworkState s = read("""
                version: 1
                config:
                  - {type: physical, name: eth9}
                  - {type: bridge, name: br0, bridge_interfaces: [eth2]}
                  - {type: bond, name: bond0, bond_interfaces: [eth0, eth1]}
                  - {type: physical, name: eth1}
                  - {type: physical, name: eth0}
                  - {type: physical, name: eth2}
                """);
        assertEquals(List.of("eth9", "eth2", "br0", "bond0", "eth0", "eth1"),
                s.interfaces().stream().map(NetInterface::name).toList());
    }

    @Test
    void bondWithoutParamsIsKept() throws Exception {
        // 22.4 requires 'params' on a bond entry and silently skips the bond without it.
        NetworkState s = read("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: bond, name: bond0, bond_interfaces: [eth0], subnets: [{type: dhcp}]}
                """);
        assertEquals(List.of("eth0"), s.find("bond0").orElseThrow().members());
        assertTrue(s.find("bond0").orElseThrow().params().isEmpty());
    }

    @Test
    void vlanOnBond() throws Exception {
        NetworkState s = read("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: bond, name: bond0, bond_interfaces: [eth0], params: {bond-mode: active-backup}}
                  - {type: vlan, name: bond0.100, vlan_link: bond0, vlan_id: "100", mtu: 1400}
                """);
        NetInterface v = s.find("bond0.100").orElseThrow();
        assertEquals(InterfaceType.VLAN, v.type());
        assertEquals("bond0", v.link());
        assertEquals(100, v.vlanId());
        assertEquals(1400, v.mtu());
        assertTrue(v.subnets().isEmpty());
    }

    @Test
    void acceptRaWakeOnLanAndPhysicalParams() throws Exception {
        NetworkState s = read("""
                version: 1
                config:
                  - {type: physical, name: eth0, accept-ra: "yes", wakeonlan: true, params: {driver: virtio_net}}
                  - {type: physical, name: eth1, accept-ra: false}
                  - {type: physical, name: eth2}
                """);
        NetInterface eth0 = s.interfaces().get(0);
        assertEquals(Boolean.TRUE, eth0.acceptRa());
        assertTrue(eth0.wakeOnLan());
        assertEquals(Map.of("driver", "virtio_net"), eth0.params());
        assertEquals(Boolean.FALSE, s.interfaces().get(1).acceptRa());
        assertNull(s.interfaces().get(2).acceptRa());
        assertFalse(s.interfaces().get(2).wakeOnLan());
    }

    @Test
    void macAddressThatYamlReadAsANumber() throws Exception {
        // YAML 1.1 reads an unquoted all-decimal MAC such as 52:54:00:12:34:56 as a base-60 integer.
        // An exact (64-bit) value is turned back into the MAC; SnakeYAML overflows it into an int,
        // which cannot be recovered, so that is reported with the fix.
        String text = "version: 1\nconfig: [{type: physical, name: eth0, mac_address: 52:54:00:12:34:56}]";
        List<io.nubis.api.net.NetworkConfigException.Problem> ps = Configs.problems(text);
        assertEquals("config[0].mac_address", ps.get(0).path());
        assertTrue(ps.get(0).message().contains("quote it"), ps.get(0).message());
        long exact = ((((52L * 60 + 54) * 60 + 0) * 60 + 12) * 60 + 34) * 60 + 56;
        Map<String, Object> cfg = Map.of("version", 1, "config",
                List.of(Map.of("type", "physical", "name", "eth0", "mac_address", exact)));
        NetworkState s = new NetworkConfigParser().read(cfg, "test", m -> null);
        assertEquals("52:54:00:12:34:56", s.interfaces().get(0).macAddress());
    }

    @Test
    void everySubnetTypeIsAccepted() throws Exception {
        List<String> types = List.of("dhcp", "dhcp4", "dhcp6", "ipv6_slaac", "ipv6_dhcpv6-stateless",
                "ipv6_dhcpv6-stateful", "manual");
        StringBuilder y = new StringBuilder("version: 1\nconfig:\n  - type: physical\n    name: eth0\n    subnets:\n");
        types.forEach(t -> y.append("      - {type: ").append(t).append("}\n"));
        List<Subnet> subnets = read(y.toString()).interfaces().get(0).subnets();
        assertEquals(types, subnets.stream().map(Subnet::type).toList());
        assertTrue(subnets.get(0).isDhcp4() && subnets.get(1).isDhcp4());
        assertTrue(subnets.get(2).isIpv6() && subnets.get(5).isIpv6());
    }

    @Test
    void loopbackAndInfiniband() throws Exception {
        NetworkState s = read("""
                version: 1
                config:
                  - {type: loopback, name: lo, subnets: [{type: static, address: 127.0.0.1/8}]}
                  - {type: infiniband, name: ib0, mac_address: "a0:00:02:20:fe:80:00:00:00:00:00:00:ec:0d:9a:03:00:15:e2:c1"}
                """);
        assertEquals(InterfaceType.LOOPBACK, s.interfaces().get(0).type());
        assertEquals(InterfaceType.INFINIBAND, s.interfaces().get(1).type());
        assertEquals(59, s.interfaces().get(1).macAddress().length());
    }
}
