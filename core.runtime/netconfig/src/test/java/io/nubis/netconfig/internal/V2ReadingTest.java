package io.nubis.netconfig.internal;

import static io.nubis.netconfig.internal.Configs.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

/** Version 2 semantics, including the places where the model deliberately differs from 22.4. */
class V2ReadingTest {

    @Test
    void setNameIsTheNameAndMembersReferToDefinitionIds() throws Exception {
        NetworkState s = read("""
                version: 2
                ethernets:
                  nic0: {match: {macaddress: "00:16:3E:00:00:01"}, set-name: lan0}
                  nic1: {match: {macaddress: "00:16:3e:00:00:02"}, set-name: lan1}
                bonds:
                  bond0: {interfaces: [nic0, nic1], parameters: {mode: active-backup, primary: nic0}}
                """);
        assertEquals(List.of("lan0", "lan1", "bond0"), s.interfaces().stream().map(NetInterface::name).toList());
        assertEquals(List.of("lan0", "lan1"), s.find("bond0").orElseThrow().members());
        NetInterface lan0 = s.find("lan0").orElseThrow();
        assertEquals("00:16:3e:00:00:01", lan0.macAddress());
        assertEquals(new Match("00:16:3e:00:00:01", null, null), lan0.match());
        assertEquals(2, s.version());
    }

    @Test
    void macToNameNamesMatchedDevicesWithoutSetName() throws Exception {
        List<String> asked = new ArrayList<>();
        NetworkState s = read("""
                version: 2
                ethernets:
                  id0: {match: {macaddress: "52:54:00:00:00:01"}, dhcp4: true, nameservers: {addresses: [10.0.0.53]}}
                  id1: {match: {macaddress: "52:54:00:00:00:02"}, set-name: keep1}
                  id2: {match: {macaddress: "52:54:00:00:00:03"}}
                vlans:
                  v10: {id: 10, link: id0}
                """, mac -> {
                    asked.add(mac);
                    return mac.endsWith("01") ? "ens3" : null;
                });
        assertEquals(List.of("ens3", "keep1", "id2", "v10"), s.interfaces().stream().map(NetInterface::name).toList());
        assertEquals(List.of("52:54:00:00:00:01", "52:54:00:00:00:03"), asked);
        assertEquals("ens3", s.find("v10").orElseThrow().link());
        assertEquals(List.of("10.0.0.53"), s.find("ens3").orElseThrow().dns().nameservers());
    }

    @Test
    void matchByNameGlobAndDriver() throws Exception {
        NetworkState s = read("""
                version: 2
                ethernets:
                  lom: {match: {driver: ixgbe}, set-name: lom1, dhcp6: true}
                  ports: {match: {name: "enp2*"}, mtu: 1280}
                  multi: {match: {driver: [virtio_net, e1000]}}
                """);
        NetInterface lom = s.find("lom1").orElseThrow();
        assertEquals(new Match(null, null, "ixgbe"), lom.match());
        assertTrue(lom.params().isEmpty());
        assertNull(lom.macAddress());
        assertEquals(new Match(null, "enp2*", null), s.find("ports").orElseThrow().match());
        assertEquals(1280, s.find("ports").orElseThrow().mtu());
        assertEquals("virtio_net e1000", s.find("multi").orElseThrow().match().driver());
    }

    @Test
    void addressesGatewaysAndNameserversBecomeSubnetsAsInTheReference() throws Exception {
        NetInterface eth0 = read("""
                version: 2
                ethernets:
                  eth0:
                    dhcp4: true
                    addresses: ["2001:db8::10/64", 192.0.2.10/24, 192.0.2.11/24]
                    gateway4: 192.0.2.1
                    gateway6: "2001:db8::1"
                    nameservers: {addresses: [192.0.2.53], search: [example.com]}
                    routes: [{to: 198.51.100.0/24, via: 192.0.2.254}]
                """).interfaces().get(0);
        List<Subnet> sn = eth0.subnets();
        assertEquals(List.of("dhcp4", "static", "static", "static"), sn.stream().map(Subnet::type).toList());
        assertEquals("2001:db8::1", sn.get(1).gateway());
        assertEquals("192.0.2.1", sn.get(2).gateway());
        assertNull(sn.get(3).gateway());
        assertEquals(new Dns(List.of("192.0.2.53"), List.of("example.com")), sn.get(1).dns());
        assertEquals(Dns.NONE, sn.get(2).dns());
        assertEquals(1, sn.get(0).routes().size(), "routes go to the first subnet");
        assertEquals("255.255.255.0", sn.get(2).netmask());
        assertNull(sn.get(1).netmask());
        assertEquals(new Dns(List.of("192.0.2.53"), List.of("example.com")), eth0.dns());
    }

    @Test
    void routeMetricTableAndOtherKeysAreKept() throws Exception {
        // 22.4 keeps only 'to' and 'via' of a version 2 route; later releases keep the metric too.
        Route r = read("""
                version: 2
                ethernets:
                  eth0:
                    addresses: [10.0.0.2/24]
                    routes:
                      - {to: 192.168.0.0/16, via: 10.0.0.254, metric: 100, table: 200, on-link: true, type: unicast}
                """).interfaces().get(0).subnets().get(0).routes().get(0);
        assertEquals(new Route("192.168.0.0", 16, "255.255.0.0", "10.0.0.254", 100, 200, Map.of("to", "192.168.0.0/16",
                "via", "10.0.0.254", "metric", 100, "table", 200, "on-link", true, "type", "unicast")), r);
    }

    @Test
    void defaultAndHostRoutes() throws Exception {
        // 22.4 fails on 'to: default' and gives an address without prefix /24; netplan means
        // 0.0.0.0/0 (or ::/0) and a host route.
        List<Route> rs = read("""
                version: 2
                ethernets:
                  eth0:
                    addresses: [10.0.0.2/24, "2001:db8::2/64"]
                    routes:
                      - {to: default, via: 10.0.0.1}
                      - {to: default, via: "2001:db8::1"}
                      - {to: 10.9.9.9, via: 10.0.0.1}
                """).interfaces().get(0).subnets().get(0).routes();
        assertEquals(List.of("0.0.0.0/0", "::/0", "10.9.9.9/32"),
                rs.stream().map(r -> r.network() + "/" + r.prefix()).toList());
        assertTrue(rs.get(0).isDefault() && rs.get(1).isDefault() && rs.get(1).isIpv6());
    }

    @Test
    void nameserversPerInterfaceAndMergedGlobally() throws Exception {
        NetworkState s = read("""
                version: 2
                ethernets:
                  eth0: {dhcp4: true, nameservers: {addresses: [10.0.0.53, 8.8.8.8], search: [corp.example]}}
                  eth1: {dhcp4: true, nameservers: {addresses: [8.8.8.8, 8.8.4.4], search: [corp.example, lab.example]}}
                """);
        assertEquals(new Dns(List.of("10.0.0.53", "8.8.8.8", "8.8.4.4"), List.of("corp.example", "lab.example")),
                s.dns());
        assertEquals(new Dns(List.of("8.8.8.8", "8.8.4.4"), List.of("corp.example", "lab.example")),
                s.find("eth1").orElseThrow().dns());
    }

    @Test
    void dhcpOverridesAndOptionalAndBooleansWrittenAsWords() throws Exception {
        // 22.4 tests dhcp4 for truth, so 'dhcp4: "no"' enabled DHCP; netplan's yes/no are read as booleans.
        NetworkState s = read("""
                version: 2
                ethernets:
                  eth0: {dhcp4: "yes", dhcp4-overrides: {route-metric: 100, use-dns: false}, optional: true}
                  eth1: {dhcp4: "no", dhcp6: true, dhcp6-overrides: {route-metric: 200}}
                """);
        NetInterface eth0 = s.find("eth0").orElseThrow();
        assertTrue(eth0.optional());
        assertEquals(Map.of("type", "dhcp4", "metric", 100), eth0.subnets().get(0).raw());
        NetInterface eth1 = s.find("eth1").orElseThrow();
        assertFalse(eth1.hasDhcp4());
        assertEquals(List.of("dhcp6"), eth1.subnets().stream().map(Subnet::type).toList());
        assertEquals(200, eth1.subnets().get(0).raw().get("metric"));
        assertEquals(Map.of("route-metric", 100, "use-dns", false), eth0.raw().get("dhcp4-overrides"));
    }

    @Test
    void bondParametersTakeTheReferenceNames() throws Exception {
        NetInterface bond = read("""
                version: 2
                ethernets: {eth0: {}, eth1: {}}
                bonds:
                  bond0:
                    interfaces: [eth0, eth1]
                    accept-ra: false
                    macaddress: "02:00:00:00:00:01"
                    parameters:
                      mode: 802.3ad
                      lacp-rate: fast
                      mii-monitor-interval: 100
                      min-links: 1
                      transmit-hash-policy: layer3+4
                      ad-select: stable
                      up-delay: 200
                      down-delay: 100
                      gratuitious-arp: 3
                      arp-ip-targets: [10.0.0.1, 10.0.0.2]
                      all-slaves-active: true
                      learn-packet-interval: 2
                """).find("bond0").orElseThrow();
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("bond-mode", "802.3ad");
        expected.put("bond-lacp-rate", "fast");
        expected.put("bond-miimon", 100);
        expected.put("bond-min-links", 1);
        expected.put("bond-xmit-hash-policy", "layer3+4");
        expected.put("bond-ad-select", "stable");
        expected.put("bond-updelay", 200);
        expected.put("bond-downdelay", 100);
        expected.put("bond-num-grat-arp", 3);
        expected.put("bond-arp-ip-target", List.of("10.0.0.1", "10.0.0.2"));
        expected.put("bond-all-slaves-active", true);
        expected.put("bond-lp-interval", 2);
        assertEquals(expected, bond.params());
        assertEquals(Boolean.FALSE, bond.acceptRa(), "22.4 drops accept-ra of bonds; netplan applies it");
        assertEquals("02:00:00:00:00:01", bond.macAddress());
    }

    @Test
    void ownMacaddressSetsTheMacOfBondsButOnlyMatchFindsEthernets() throws Exception {
        NetworkState s = read("""
                version: 2
                ethernets:
                  eth0: {macaddress: "02:00:00:00:00:0a"}
                  eth1: {match: {macaddress: "52:54:00:00:00:01"}, macaddress: "02:00:00:00:00:0b"}
                bonds:
                  bond0: {interfaces: [eth0], macaddress: "02:00:00:00:00:0c"}
                """);
        assertNull(s.find("eth0").orElseThrow().macAddress());
        assertEquals("02:00:00:00:00:0a", s.find("eth0").orElseThrow().raw().get("macaddress"));
        assertEquals("52:54:00:00:00:01", s.find("eth1").orElseThrow().macAddress());
        assertEquals("02:00:00:00:00:0c", s.find("bond0").orElseThrow().macAddress());
    }

    @Test
    void bridgeParametersWithPerPortCosts() throws Exception {
        NetworkState s = read("""
                version: 2
                ethernets:
                  e3: {set-name: eth3}
                  e4: {set-name: eth4}
                bridges:
                  br0:
                    interfaces: [e3, e4]
                    parameters:
                      stp: true
                      forward-delay: 4
                      priority: 16384
                      hello-time: 2
                      max-age: 12
                      ageing-time: 250
                      path-cost: {e3: 50, e4: 75}
                      port-priority: {e3: 28, e4: 14}
                """);
        NetInterface br = s.find("br0").orElseThrow();
        assertEquals(List.of("eth3", "eth4"), br.members());
        assertEquals(true, br.params().get("bridge_stp"));
        assertEquals(4, br.params().get("bridge_fd"));
        assertEquals(16384, br.params().get("bridge_bridgeprio"));
        assertEquals(2, br.params().get("bridge_hello"));
        assertEquals(12, br.params().get("bridge_maxage"));
        assertEquals(250, br.params().get("bridge_ageing"));
        assertEquals(List.of("eth3 50", "eth4 75"), br.params().get("bridge_pathcost"));
        assertEquals(List.of("eth3 28", "eth4 14"), br.params().get("bridge_portprio"));
    }

    @Test
    void wifisAreAcceptedAndOnlyKeptInSource() throws Exception {
        NetworkState s = read("""
                network:
                  version: 2
                  renderer: NetworkManager
                  ethernets: {eth0: {dhcp4: true}}
                  wifis:
                    wlan0:
                      dhcp4: true
                      access-points: {"my net": {password: secret}}
                """);
        assertEquals(List.of("eth0"), s.interfaces().stream().map(NetInterface::name).toList());
        assertTrue(s.source().containsKey("wifis"));
        assertFalse(s.source().containsKey("network"));
    }

    @Test
    void routingPolicyAndAddressOptionsStayInRaw() throws Exception {
        NetInterface eth0 = read("""
                version: 2
                ethernets:
                  eth0:
                    addresses:
                      - 10.0.0.2/24
                      - 10.0.0.3/24: {label: "eth0:1", lifetime: 0}
                    routing-policy: [{from: 10.0.0.0/24, table: 100, priority: 5}]
                """).interfaces().get(0);
        assertEquals(List.of("10.0.0.2", "10.0.0.3"), eth0.subnets().stream().map(Subnet::address).toList());
        assertEquals(List.of(Map.of("from", "10.0.0.0/24", "table", 100, "priority", 5)), eth0.raw().get("routing-policy"));
        assertEquals(List.of("ethernets.eth0.routing-policy[0].from", "ethernets.eth0.routing-policy[0].colour"),
                Configs.paths("""
                        version: 2
                        ethernets: {eth0: {routing-policy: [{from: somewhere, colour: red}]}}
                        """));
    }

    @Test
    void vlanOnBond() throws Exception {
        NetworkState s = read("""
                version: 2
                ethernets: {eno1: {}, eno2: {}}
                bonds: {bond0: {interfaces: [eno1, eno2], parameters: {mode: balance-rr}}}
                vlans: {bond0.100: {id: 100, link: bond0, addresses: [10.100.0.2/24], mtu: 1500}}
                """);
        NetInterface v = s.find("bond0.100").orElseThrow();
        assertEquals(InterfaceType.VLAN, v.type());
        assertEquals("bond0", v.link());
        assertEquals(100, v.vlanId());
        assertEquals("bond0", s.parentOf("eno2").orElseThrow().name());
    }

    @Test
    void v1AndV2SpellingsOfOneNetworkGiveTheSameModel() throws Exception {
        NetworkState v1 = read("""
                version: 1
                config:
                  - {type: physical, name: eth0, mac_address: "52:54:00:00:00:01", mtu: 9000}
                  - {type: physical, name: eth1, mac_address: "52:54:00:00:00:02", mtu: 9000}
                  - type: bond
                    name: bond0
                    bond_interfaces: [eth0, eth1]
                    params: {bond-mode: 802.3ad, bond-miimon: 100, bond-xmit-hash-policy: layer3+4}
                    subnets:
                      - type: static
                        address: 10.0.0.2/24
                        gateway: 10.0.0.1
                        routes: [{network: 10.9.0.0, prefix: 16, gateway: 10.0.0.254}]
                  - type: vlan
                    name: bond0.200
                    vlan_link: bond0
                    vlan_id: 200
                    subnets: [{type: dhcp4}]
                """);
        NetworkState v2 = read("""
                version: 2
                ethernets:
                  eth0: {match: {macaddress: "52:54:00:00:00:01"}, mtu: 9000}
                  eth1: {match: {macaddress: "52:54:00:00:00:02"}, mtu: 9000}
                bonds:
                  bond0:
                    interfaces: [eth0, eth1]
                    parameters: {mode: 802.3ad, mii-monitor-interval: 100, transmit-hash-policy: layer3+4}
                    addresses: [10.0.0.2/24]
                    gateway4: 10.0.0.1
                    routes: [{to: 10.9.0.0/16, via: 10.0.0.254}]
                vlans:
                  bond0.200: {id: 200, link: bond0, dhcp4: true}
                """);
        assertEquals(strip(v1), strip(v2));
    }

    /** The model without what records the config as written. */
    private static List<Object> strip(NetworkState s) {
        List<Object> out = new ArrayList<>();
        for (NetInterface i : s.interfaces()) {
            List<Object> subnets = new ArrayList<>();
            for (Subnet sn : i.subnets()) {
                subnets.add(List.of(sn.type(), String.valueOf(sn.cidr()), String.valueOf(sn.netmask()),
                        String.valueOf(sn.gateway()), sn.dns(), sn.routes().stream()
                                .map(r -> List.of(r.network(), r.prefix(), String.valueOf(r.gateway()))).toList()));
            }
            out.add(List.of(i.name(), i.type(), String.valueOf(i.macAddress()), String.valueOf(i.mtu()), subnets,
                    i.members(), String.valueOf(i.link()), String.valueOf(i.vlanId()), i.params()));
        }
        out.add(s.routes());
        out.add(s.dns());
        return out;
    }
}
