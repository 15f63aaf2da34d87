package io.nubis.netconfig.internal;

import static io.nubis.netconfig.internal.Configs.paths;
import static io.nubis.netconfig.internal.Configs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigException.Problem;

/** Bad input: every problem is reported with its key path. */
class ValidationTest {

    @Test
    void missingAndUnknownVersion() {
        assertEquals(List.of("version"), paths("config: []"));
        assertEquals(List.of("version"), paths("network: {version: 3, config: []}"));
        assertEquals(List.of("version"), paths("version: '1'\nconfig: []"));
    }

    @Test
    void unknownTopLevelKeys() {
        assertEquals(List.of("bogus"), paths("version: 1\nconfig: []\nbogus: 1"));
        assertEquals(List.of("tunnels"), paths("version: 2\ntunnels: {}"));
        assertEquals(List.of("extra"), paths("network: {version: 2}\nextra: 1"));
    }

    @Test
    void unknownKeysPerEntryAndPerSubnet() {
        assertEquals(List.of("config[0].colour", "config[0].subnets[0].bogus"), paths("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    colour: blue
                    subnets: [{type: dhcp, bogus: 1}]
                """));
        assertEquals(List.of("ethernets.eth0.bogus", "ethernets.eth0.match.serial"), paths("""
                version: 2
                ethernets:
                  eth0: {bogus: 1, match: {serial: x}}
                """));
    }

    @Test
    void wrongTypes() {
        List<Problem> ps = problems("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    mtu: big
                    accept-ra: maybe
                    subnets: {type: dhcp}
                  - type: vlan
                    name: v
                    vlan_link: eth0
                    vlan_id: [1]
                """);
        assertEquals(List.of("config[0].mtu", "config[0].accept-ra", "config[0].subnets", "config[1].vlan_id"),
                paths(ps));
        assertTrue(ps.get(0).message().contains("must be an integer"), ps.get(0).message());
        assertTrue(ps.get(2).message().contains("must be a list, not a mapping"), ps.get(2).message());
        assertEquals(List.of("ethernets.eth0.addresses", "ethernets.eth0.dhcp4"), paths("""
                version: 2
                ethernets:
                  eth0: {addresses: 10.0.0.1/24, dhcp4: sometimes}
                """));
        assertEquals(List.of("ethernets"), paths("version: 2\nethernets: [eth0]"));
    }

    @Test
    void invalidAddresses() {
        List<Problem> ps = problems("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    subnets:
                      - {type: static, address: 10.0.0.256/24, gateway: 10.0.0.1}
                      - {type: static, address: 10.0.0.5/24, gateway: 10.0.0.x}
                      - {type: static6, address: "2001:db8:::1/64"}
                      - {type: static, address: 10.0.0.5/24, dns_nameservers: [8.8.8.8, dns.example]}
                      - {type: static, address: 010.0.0.5/24}
                """);
        assertEquals(List.of("config[0].subnets[0].address", "config[0].subnets[1].gateway",
                "config[0].subnets[2].address", "config[0].subnets[3].dns_nameservers[1]",
                "config[0].subnets[4].address"), paths(ps));
        assertTrue(ps.get(0).message().contains("'10.0.0.256/24' is not an IPv4 or IPv6 address"));
        assertEquals(List.of("ethernets.eth0.addresses[1]", "ethernets.eth0.gateway4", "ethernets.eth0.routes[0].via",
                "ethernets.eth0.nameservers.addresses[0]"), paths("""
                version: 2
                ethernets:
                  eth0:
                    addresses: [10.0.0.5/24, 300.1.1.1/24]
                    gateway4: "2001:db8::1"
                    routes: [{to: 10.1.0.0/16, via: gateway}]
                    nameservers: {addresses: [localhost]}
                """));
    }

    @Test
    void prefixesOutOfRangeAndMissing() {
        assertEquals(List.of("config[0].subnets[0].address", "config[0].subnets[1].prefix",
                "config[0].subnets[2].address", "config[0].subnets[3].routes[0].prefix"), paths("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    subnets:
                      - {type: static, address: 10.0.0.1/33}
                      - {type: static, address: 10.0.0.1, prefix: 40}
                      - {type: static6, address: "2001:db8::1/129"}
                      - type: static
                        address: 10.0.0.1/24
                        routes: [{network: 10.9.0.0, prefix: -1, gateway: 10.0.0.2}]
                """));
        List<Problem> v2 = problems("version: 2\nethernets: {eth0: {addresses: [10.0.0.5]}}");
        assertEquals("ethernets.eth0.addresses[0]", v2.get(0).path());
        assertTrue(v2.get(0).message().contains("needs a prefix length"), v2.get(0).message());
    }

    @Test
    void invalidNetmasks() {
        List<Problem> ps = problems("""
                version: 1
                config:
                  - type: physical
                    name: eth0
                    subnets:
                      - {type: static, address: 10.0.0.1, netmask: 255.0.255.0}
                      - {type: static, address: 10.0.0.1/255.255.0.255}
                      - type: static
                        address: 10.0.0.1/24
                        routes: [{network: 10.2.0.0, netmask: 255.255.0.1, gateway: 10.0.0.2}]
                """);
        assertEquals(List.of("config[0].subnets[0].netmask", "config[0].subnets[1].address",
                "config[0].subnets[2].routes[0].netmask"), paths(ps));
        assertTrue(ps.get(0).message().contains("'255.0.255.0' is not a valid IPv4 netmask"), ps.get(0).message());
    }

    @Test
    void invalidMacs() {
        assertEquals(List.of("config[0].mac_address", "config[1].mac_address"), paths("""
                version: 1
                config:
                  - {type: physical, name: eth0, mac_address: "52:54:00:12:34"}
                  - {type: physical, name: eth1, mac_address: "52:54:00:12:34:zz"}
                """));
        assertEquals(List.of("ethernets.eth0.match.macaddress"),
                paths("version: 2\nethernets: {eth0: {match: {macaddress: not-a-mac}}}"));
    }

    @Test
    void bondNamingAnUndefinedMember() {
        List<Problem> v1 = problems("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: bond, name: bond0, bond_interfaces: [eth0, eth9], params: {bond-mode: active-backup}}
                """);
        assertEquals("config[1].bond_interfaces[1]", v1.get(0).path());
        assertEquals("bond member 'eth9' is not defined", v1.get(0).message());
        assertEquals(List.of("bonds.bond0.interfaces[1]"), paths("""
                version: 2
                ethernets: {eth0: {}}
                bonds: {bond0: {interfaces: [eth0, eth1]}}
                """));
        assertEquals(List.of("bridges.br0.interfaces[0]"), paths("""
                version: 2
                bridges: {br0: {interfaces: [nope]}}
                """));
    }

    @Test
    void vlanOnAnUndefinedLink() {
        assertEquals(List.of("config[0].vlan_link"),
                paths("version: 1\nconfig: [{type: vlan, name: v5, vlan_link: eth0, vlan_id: 5}]"));
        assertEquals(List.of("vlans.v5.link"), paths("version: 2\nvlans: {v5: {id: 5, link: eth0}}"));
        assertEquals(List.of("vlans.v5", "vlans.v5"), paths("version: 2\nvlans: {v5: {}}"));
        assertEquals(List.of("vlans.v5.id"), paths("version: 2\nethernets: {eth0: {}}\nvlans: {v5: {id: 4095, link: eth0}}"));
    }

    @Test
    void twoInterfacesWithOneName() {
        List<Problem> v1 = problems("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: physical, name: eth0, mac_address: "52:54:00:00:00:01"}
                """);
        assertEquals("config[1].name", v1.get(0).path());
        assertEquals("interface name 'eth0' is already used by config[0]", v1.get(0).message());
        assertEquals(List.of("ethernets.b.set-name"), paths("""
                version: 2
                ethernets:
                  a: {set-name: lan0}
                  b: {set-name: lan0}
                """));
        assertEquals(List.of("bonds.eth0"), paths("version: 2\nethernets: {eth0: {}}\nbonds: {eth0: {}}"));
    }

    @Test
    void entriesWithoutTypeOrName() {
        List<Problem> ps = problems("""
                version: 1
                config:
                  - {name: eth0}
                  - {type: physical}
                  - {type: tunnel, name: t0}
                  - {type: bond, name: bond0}
                  - {type: physical, name: eth1, subnets: [{address: 10.0.0.1/24}]}
                  - {type: physical, name: eth2, subnets: [{type: static}]}
                """);
        assertEquals(List.of("config[0]", "config[1]", "config[2].type", "config[3]", "config[4].subnets[0]",
                "config[5].subnets[0]"), paths(ps));
        assertEquals("a config entry needs 'type'", ps.get(0).message());
        assertEquals("a physical entry needs 'name'", ps.get(1).message());
        assertEquals("a static subnet needs 'address'", ps.get(5).message());
    }

    @Test
    void everyProblemIsCollectedAndTheMessageNamesTheOrigin() {
        NetworkConfigException e = assertThrows(NetworkConfigException.class, () -> new NetworkConfigParser().read(
                Configs.yaml("""
                        version: 2
                        ethernets:
                          eth0:
                            addresses: [10.0.0.1/24, bad/24]
                            mtu: -5
                          eth1:
                            match: {macaddress: "00:11"}
                        bonds:
                          bond0: {interfaces: [eth0, eth7], parameters: {mode: fast, colour: red}}
                        """), "/var/lib/cloud/seed/nocloud/network-config", m -> null));
        assertEquals(List.of("ethernets.eth0.addresses[1]", "ethernets.eth0.mtu", "ethernets.eth1.match.macaddress",
                "bonds.bond0.interfaces[1]", "bonds.bond0.parameters.mode", "bonds.bond0.parameters.colour"),
                paths(e.problems()));
        assertTrue(e.problems().get(4).message().startsWith("must be one of balance-rr, active-backup"),
                e.problems().get(4).message());
        assertTrue(e.getMessage().startsWith("/var/lib/cloud/seed/nocloud/network-config: ethernets.eth0.addresses[1]: "),
                e.getMessage());
    }

    @Test
    void nameserverForAnUndefinedInterface() {
        assertEquals(List.of("config[1].interface"), paths("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: nameserver, interface: eth1, address: [1.1.1.1]}
                """));
    }

    @Test
    void invalidBridgeStpAndUnknownBridgeParameter() {
        assertEquals(List.of("config[1].params.bridge_stp"), paths("""
                version: 1
                config:
                  - {type: physical, name: eth0}
                  - {type: bridge, name: br0, bridge_interfaces: [eth0], params: {bridge_stp: sometimes}}
                """));
        assertEquals(List.of("bridges.br0.parameters.colour", "bridges.br0.parameters.path-cost.eth9"), paths("""
                version: 2
                ethernets: {eth0: {}}
                bridges: {br0: {interfaces: [eth0], parameters: {colour: red, path-cost: {eth9: 5}}}}
                """));
    }

    @Test
    void memberOfTwoBondsAndMemberOfItself() {
        assertEquals(List.of("bonds.bond1.interfaces[0]", "bonds.bond2.interfaces[0]"), paths("""
                version: 2
                ethernets: {eth0: {}}
                bonds:
                  bond0: {interfaces: [eth0]}
                  bond1: {interfaces: [eth0]}
                  bond2: {interfaces: [bond2]}
                """).stream().sorted().toList());
    }

    @Test
    void emptyAndNullConfigs() {
        assertEquals(List.of("network"), paths("network:"));
        assertThrows(NetworkConfigException.class, () -> new NetworkConfigParser().read(null, "x", m -> null));
        assertEquals(List.of("config"), paths("version: 1"));
        assertEquals(List.of("config"), paths("version: 1\nconfig: {}"));
        assertEquals(List.of("config[0]"), paths("version: 1\nconfig: [eth0]"));
        assertTrue(Configs.yaml("a: 1") instanceof Map);
    }
}
