package io.nubis.netconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.Dns;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/** OpenStack network_data.json to version 1. */
class OpenStackNetworkDataTest {

    private static NetworkState state(String json, Map<String, String> macs) throws Exception {
        Map<String, Object> v1 = OpenStackNetworkData.toV1(Configs.yaml(json), macs::get);
        return new NetworkConfigParser().read(v1, "network_data.json", m -> null);
    }

    @Test
    void linksWithoutNameAreNamedByMac() throws Exception {
        NetworkState s = state("""
                {"links": [{"id": "tap-1", "type": "ovs", "ethernet_mac_address": "FA:16:3E:00:00:01", "mtu": 1450}],
                 "networks": [{"id": "n0", "type": "ipv4_dhcp", "link": "tap-1"}]}
                """, Map.of("fa:16:3e:00:00:01", "ens3"));
        NetInterface ens3 = s.interfaces().get(0);
        assertEquals("ens3", ens3.name());
        assertEquals("fa:16:3e:00:00:01", ens3.macAddress());
        assertEquals(1450, ens3.mtu());
        assertEquals("dhcp4", ens3.subnets().get(0).type());
    }

    @Test
    void aLinkThatCannotBeNamedIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenStackNetworkData.toV1(
                Configs.yaml("{\"links\": [{\"id\": \"tap-1\", \"type\": \"phy\", \"ethernet_mac_address\": \"fa:16:3e:00:00:09\"}]}"),
                m -> null));
        assertTrue(e.getMessage().contains("links[0]") && e.getMessage().contains("fa:16:3e:00:00:09"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpenStackNetworkData.toV1(Configs.yaml("""
                {"links": [{"id": "b", "type": "bond", "bond_links": ["missing"]}]}
                """), m -> null));
    }

    @Test
    void bondsAreNumberedAndVlansNamedAfterTheirLink() throws Exception {
        Map<String, Object> v1 = OpenStackNetworkData.toV1(Configs.yaml("""
                {"links": [
                  {"id": "p1", "type": "phy", "ethernet_mac_address": "fa:16:3e:00:00:01"},
                  {"id": "p2", "type": "phy", "ethernet_mac_address": "fa:16:3e:00:00:02"},
                  {"id": "b", "type": "bond", "bond_links": ["p1", "p2"], "bond_mode": "active-backup",
                   "bond_miimon": 100, "ethernet_mac_address": "fa:16:3e:00:00:01"},
                  {"id": "v", "type": "vlan", "vlan_link": "p2", "vlan_id": 42, "vlan_mac_address": "fa:16:3e:00:00:02"}],
                 "networks": []}
                """), Map.of("fa:16:3e:00:00:01", "ens3", "fa:16:3e:00:00:02", "ens4")::get);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> config = (List<Map<String, Object>>) v1.get("config");
        assertEquals("bond0", config.get(2).get("name"));
        assertEquals(List.of("ens3", "ens4"), config.get(2).get("bond_interfaces"));
        assertEquals(Map.of("bond_mode", "active-backup", "bond_miimon", 100), config.get(2).get("params"));
        assertEquals("ens4.42", config.get(3).get("name"));
        assertEquals("ens4", config.get(3).get("vlan_link"));
        NetworkState s = new NetworkConfigParser().read(v1, "x", m -> null);
        assertEquals(Map.of("bond-mode", "active-backup", "bond-miimon", 100), s.find("bond0").orElseThrow().params());
    }

    @Test
    void servicesAndIpv6Flags() throws Exception {
        // 22.4 turns every service into a nameserver entry and ignores a network's own dns
        // services; only dns services name servers, and a network's go to its subnet.
        NetworkState s = state("""
                {"links": [{"id": "l0", "type": "phy", "ethernet_mac_address": "fa:16:3e:00:00:01", "name": "eth0"},
                           {"id": "l1", "type": "phy", "ethernet_mac_address": "fa:16:3e:00:00:02", "name": "eth1"}],
                 "networks": [
                   {"id": "n0", "type": "ipv6", "link": "l0", "ip_address": "2001:db8::10", "netmask": "ffff:ffff:ffff:ffff::",
                    "services": [{"type": "dns", "address": "2001:db8::53"}]},
                   {"id": "n1", "type": "ipv6_dhcpv6-stateful", "link": "l1"}],
                 "services": [{"type": "dns", "address": "8.8.8.8"}, {"type": "ntp", "address": "10.0.0.123"}]}
                """, Map.of());
        NetInterface eth0 = s.find("eth0").orElseThrow();
        assertEquals(Boolean.FALSE, eth0.acceptRa());
        assertEquals("static6", eth0.subnets().get(0).type());
        assertEquals(64, eth0.subnets().get(0).prefix());
        assertEquals(List.of("2001:db8::53"), eth0.subnets().get(0).dns().nameservers());
        assertEquals(Boolean.TRUE, s.find("eth1").orElseThrow().acceptRa());
        assertEquals(new Dns(List.of("8.8.8.8"), List.of()), s.dns());
    }
}
