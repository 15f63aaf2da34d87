package io.nubis.adapter.networkd.internal;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.route;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.testkit.NetIface;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestRenderContext;

class NetworkdRendererTest {
    private final NetworkdRenderer renderer = new NetworkdRenderer();

    @Test
    void staleFilesOfOldInterfacesAreDeleted(@TempDir Path dir) {
        TempTarget t = TempTarget.in(dir)
                .file("/etc/systemd/network/10-cloud-init-eth0.network", "old")
                .file("/etc/systemd/network/10-cloud-init-eth9.network", "old")
                .file("/etc/systemd/network/10-cloud-init-bond9.netdev", "old")
                .file("/etc/systemd/network/10-cloud-init-eth9.link", "old")
                .file("/etc/systemd/network/20-other.network", "keep");
        NetworkState s = state(physical("eth0").subnets(dynamic("dhcp")));
        List<Step> steps = renderer.render(s, TestRenderContext.of(t, "debian"));
        assertEquals(List.of(
                new Step.Write("/etc/systemd/network/10-cloud-init-eth0.network",
                        "[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n\n", NetworkdRenderer.ATTRS),
                new Step.Delete("/etc/systemd/network/10-cloud-init-bond9.netdev"),
                new Step.Delete("/etc/systemd/network/10-cloud-init-eth9.link"),
                new Step.Delete("/etc/systemd/network/10-cloud-init-eth9.network")), steps);
    }

    @Test
    void theDirectoryOptionIsHonoured() {
        RenderContext ctx = TestRenderContext.of(null, "debian", Map.of("network_conf_dir", "run/net"));
        List<Step> steps = renderer.render(state(physical("eth0")), ctx);
        assertEquals("/run/net/10-cloud-init-eth0.network", ((Step.Write) steps.get(0)).path());
        assertEquals(List.of("/run/net/10-cloud-init-*.network", "/run/net/10-cloud-init-*.netdev",
                "/run/net/10-cloud-init-*.link"), renderer.ownedFiles(ctx));
    }

    @Test
    void undefinedMembersGetAFileThatAttachesThem() {
        Map<String, Object> params = Map.of("bond-mode", 4, "bond_lacp_rate", 1, "bond-miimon", "1s",
                "bond-primary", "eth0");
        NetworkState s = state(of("bond0", InterfaceType.BOND).subnets(dynamic("dhcp6")).members("eth0", "eth1")
                .params(params));
        Map<String, String> files = NetworkdRenderer.files(s);
        assertEquals(List.of("10-cloud-init-bond0.network", "10-cloud-init-eth0.network",
                "10-cloud-init-eth1.network", "10-cloud-init-bond0.netdev"), List.copyOf(files.keySet()));
        assertEquals("[Match]\nName=eth0\n\n[Network]\nBond=bond0\nDHCP=no\nPrimarySlave=yes\n\n",
                files.get("10-cloud-init-eth0.network"));
        assertEquals("[Match]\nName=eth1\n\n[Network]\nBond=bond0\nDHCP=no\n\n", files.get("10-cloud-init-eth1.network"));
        assertEquals("[NetDev]\nName=bond0\nKind=bond\n\n[Bond]\nMode=802.3ad\nLACPTransmitRate=fast\n"
                + "MIIMonitorSec=1s\n", files.get("10-cloud-init-bond0.netdev"));
    }

    @Test
    void vlanParentsThatAreNotDefinedAreAttachedToo() {
        NetIface vlan = of("eth0.5", InterfaceType.VLAN).mtu(1400).vlan("eth0", 5);
        Map<String, String> files = NetworkdRenderer.files(state(vlan));
        assertEquals("[Match]\nName=eth0\n\n[Network]\nDHCP=no\nVLAN=eth0.5\n\n", files.get("10-cloud-init-eth0.network"));
        assertEquals("[NetDev]\nName=eth0.5\nKind=vlan\nMTUBytes=1400\n\n[VLAN]\nId=5\n",
                files.get("10-cloud-init-eth0.5.netdev"));
    }

    @Test
    void version2OverridesApplyToEveryKindOfDefinition() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("dhcp4-overrides", Map.of("use-dns", false, "route-metric", 200));
        raw.put("dhcp6domain", "route");
        NetworkState s = state(2, List.of(of("bond0", InterfaceType.BOND).subnets(dynamic("dhcp4"), dynamic("dhcp6"))
                .raw(raw).build()), List.of(), Dns.NONE);
        assertEquals("[DHCPv4]\nRouteMetric=200\nUseDNS=False\n\n[DHCPv6]\nUseDomains=route\n\n[Match]\nName=bond0\n\n"
                + "[Network]\nDHCP=yes\n\n", NetworkdRenderer.files(s).get("10-cloud-init-bond0.network"));
    }

    @Test
    void aDomainKeyAndAnOverrideOfItConflict() {
        Map<String, Object> raw = Map.of("dhcp4domain", true, "dhcp4-overrides", Map.of("use-domains", true));
        NetworkState s = state(2, List.of(physical("eth0").subnets(dynamic("dhcp4")).raw(raw).build()), List.of(),
                Dns.NONE);
        assertThrows(IllegalArgumentException.class, () -> NetworkdRenderer.files(s));
    }

    @Test
    void acceptRaIsWrittenOnlyWithDhcp6() {
        NetIface ra = physical("eth0").acceptRa(false).subnets(dynamic("dhcp6"));
        assertTrue(NetworkdRenderer.files(state(ra))
                .get("10-cloud-init-eth0.network").contains("IPv6AcceptRA=False\n"));
    }

    @Test
    void routeSectionsAreOrderedByTheReferencesIds() {
        NetIface i = physical("eth0")
                .subnets(static4("10.0.0.5", 24, "10.0.0.1", route("10.1.0.0", 16, "10.0.0.2", 7, null)));
        String text = NetworkdRenderer.files(state(List.of(route("0.0.0.0", 0, "10.0.0.254", null, 5)), Dns.NONE, i))
                .get("10-cloud-init-eth0.network");
        // a1 (the gateway), c0 (the global route), r0 (the subnet's route)
        assertEquals("[Address]\nAddress=10.0.0.5/24\n\n[Match]\nName=eth0\n\n[Network]\nDHCP=no\n\n"
                + "[Route]\nGateway=10.0.0.1\n\n"
                + "[Route]\nDestination=0.0.0.0/0\n\nGateway=10.0.0.254\n\nTable=5\n\n"
                + "[Route]\nDestination=10.1.0.0/16\n\nGateway=10.0.0.2\n\nMetric=7\n\n", text);
    }

    @Test
    void interfaceNamesMustBePlain() {
        NetworkState s = state(physical("../x"));
        assertThrows(IllegalArgumentException.class, () -> NetworkdRenderer.files(s));
    }

    @Test
    void activationUsesNetworkctl() {
        RenderContext ctx = TestRenderContext.of(null, "debian");
        assertEquals(List.of(Step.run("networkctl", "reload"), Step.run("networkctl", "reconfigure", "eth0")),
                renderer.bringUp("eth0", ctx));
        assertEquals(List.of(Step.run("networkctl", "down", "eth0")), renderer.bringDown("eth0", ctx));
        assertEquals(List.of(Step.run("networkctl", "reload")), renderer.apply(ctx));
    }

    @Test
    void perPortSettingsReadBothSpellings() {
        assertEquals("50", Netdevs.perPort(List.of("eth1 10", "eth0 50"), "eth0"));
        assertEquals("50", Netdevs.perPort(Map.of("eth0", 50), "eth0"));
        assertEquals(null, Netdevs.perPort(null, "eth0"));
        assertEquals("x", Netdevs.param(Map.of("bond_xmit_hash_policy", "x"), "bond", "xmit-hash-policy"));
    }
}
