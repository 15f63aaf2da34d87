package io.nubis.adapter.networkd.internal;

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
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;
import io.nubis.api.target.TargetRoot;
import io.nubis.testkit.TempTarget;

class NetworkdRendererTest {
    private final NetworkdRenderer renderer = new NetworkdRenderer();

    record Ctx(TargetRoot target, String distro, String variant, Map<String, Object> options) implements RenderContext {
    }

    static NetInterface iface(String name, InterfaceType type, List<Subnet> subnets, List<String> members,
            Map<String, Object> params, Map<String, Object> raw) {
        return new NetInterface(name, type, null, null, null, false, false, Match.NONE, subnets, members,
                null, null, params, null, raw);
    }

    static Subnet subnet(String type) {
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), null, null);
    }

    @Test
    void staleFilesOfOldInterfacesAreDeleted(@TempDir Path dir) {
        TempTarget t = TempTarget.in(dir)
                .file("/etc/systemd/network/10-cloud-init-eth0.network", "old")
                .file("/etc/systemd/network/10-cloud-init-eth9.network", "old")
                .file("/etc/systemd/network/10-cloud-init-bond9.netdev", "old")
                .file("/etc/systemd/network/10-cloud-init-eth9.link", "old")
                .file("/etc/systemd/network/20-other.network", "keep");
        NetworkState s = new NetworkState(1, List.of(iface("eth0", InterfaceType.PHYSICAL, List.of(subnet("dhcp")),
                List.of(), null, null)), List.of(), Dns.NONE, null);
        List<Step> steps = renderer.render(s, new Ctx(t, "debian", "debian", Map.of()));
        assertEquals(List.of(
                new Step.Write("/etc/systemd/network/10-cloud-init-eth0.network",
                        "[Match]\nName=eth0\n\n[Network]\nDHCP=ipv4\n\n", NetworkdRenderer.ATTRS),
                new Step.Delete("/etc/systemd/network/10-cloud-init-bond9.netdev"),
                new Step.Delete("/etc/systemd/network/10-cloud-init-eth9.link"),
                new Step.Delete("/etc/systemd/network/10-cloud-init-eth9.network")), steps);
    }

    @Test
    void theDirectoryOptionIsHonoured() {
        Ctx ctx = new Ctx(null, "debian", "debian", Map.of("network_conf_dir", "run/net"));
        List<Step> steps = renderer.render(new NetworkState(1, List.of(iface("eth0", InterfaceType.PHYSICAL,
                List.of(), List.of(), null, null)), List.of(), Dns.NONE, null), ctx);
        assertEquals("/run/net/10-cloud-init-eth0.network", ((Step.Write) steps.get(0)).path());
        assertEquals(List.of("/run/net/10-cloud-init-*.network", "/run/net/10-cloud-init-*.netdev",
                "/run/net/10-cloud-init-*.link"), renderer.ownedFiles(ctx));
    }

    @Test
    void undefinedMembersGetAFileThatAttachesThem() {
        Map<String, Object> params = Map.of("bond-mode", 4, "bond_lacp_rate", 1, "bond-miimon", "1s",
                "bond-primary", "eth0");
        NetworkState s = new NetworkState(1, List.of(iface("bond0", InterfaceType.BOND, List.of(subnet("dhcp6")),
                List.of("eth0", "eth1"), params, null)), List.of(), Dns.NONE, null);
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
        NetInterface vlan = new NetInterface("eth0.5", InterfaceType.VLAN, null, 1400, null, false, false,
                Match.NONE, List.of(), List.of(), "eth0", 5, null, null, null);
        Map<String, String> files = NetworkdRenderer.files(new NetworkState(1, List.of(vlan), List.of(), Dns.NONE, null));
        assertEquals("[Match]\nName=eth0\n\n[Network]\nDHCP=no\nVLAN=eth0.5\n\n", files.get("10-cloud-init-eth0.network"));
        assertEquals("[NetDev]\nName=eth0.5\nKind=vlan\nMTUBytes=1400\n\n[VLAN]\nId=5\n",
                files.get("10-cloud-init-eth0.5.netdev"));
    }

    @Test
    void version2OverridesApplyToEveryKindOfDefinition() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("dhcp4-overrides", Map.of("use-dns", false, "route-metric", 200));
        raw.put("dhcp6domain", "route");
        NetworkState s = new NetworkState(2, List.of(iface("bond0", InterfaceType.BOND,
                List.of(subnet("dhcp4"), subnet("dhcp6")), List.of(), null, raw)), List.of(), Dns.NONE, Map.of());
        assertEquals("[DHCPv4]\nRouteMetric=200\nUseDNS=False\n\n[DHCPv6]\nUseDomains=route\n\n[Match]\nName=bond0\n\n"
                + "[Network]\nDHCP=yes\n\n", NetworkdRenderer.files(s).get("10-cloud-init-bond0.network"));
    }

    @Test
    void aDomainKeyAndAnOverrideOfItConflict() {
        Map<String, Object> raw = Map.of("dhcp4domain", true, "dhcp4-overrides", Map.of("use-domains", true));
        NetworkState s = new NetworkState(2, List.of(iface("eth0", InterfaceType.PHYSICAL, List.of(subnet("dhcp4")),
                List.of(), null, raw)), List.of(), Dns.NONE, Map.of());
        assertThrows(IllegalArgumentException.class, () -> NetworkdRenderer.files(s));
    }

    @Test
    void acceptRaIsWrittenOnlyWithDhcp6() {
        NetInterface ra = new NetInterface("eth0", InterfaceType.PHYSICAL, null, null, false, false, false, Match.NONE,
                List.of(subnet("dhcp6")), List.of(), null, null, null, null, null);
        assertTrue(NetworkdRenderer.files(new NetworkState(1, List.of(ra), List.of(), Dns.NONE, null))
                .get("10-cloud-init-eth0.network").contains("IPv6AcceptRA=False\n"));
    }

    @Test
    void routeSectionsAreOrderedByTheReferencesIds() {
        Subnet s = new Subnet("static", "10.0.0.5", 24, null, "10.0.0.1", Dns.NONE,
                List.of(new Route("10.1.0.0", 16, null, "10.0.0.2", 7, null, null)), null, null);
        NetInterface i = iface("eth0", InterfaceType.PHYSICAL, List.of(s), List.of(), null, null);
        String text = NetworkdRenderer.files(new NetworkState(1, List.of(i),
                List.of(new Route("0.0.0.0", 0, null, "10.0.0.254", null, 5, null)), Dns.NONE, null))
                .get("10-cloud-init-eth0.network");
        // a1 (the gateway), c0 (the global route), r0 (the subnet's route)
        assertEquals("[Address]\nAddress=10.0.0.5/24\n\n[Match]\nName=eth0\n\n[Network]\nDHCP=no\n\n"
                + "[Route]\nGateway=10.0.0.1\n\n"
                + "[Route]\nDestination=0.0.0.0/0\n\nGateway=10.0.0.254\n\nTable=5\n\n"
                + "[Route]\nDestination=10.1.0.0/16\n\nGateway=10.0.0.2\n\nMetric=7\n\n", text);
    }

    @Test
    void interfaceNamesMustBePlain() {
        NetworkState s = new NetworkState(1, List.of(iface("../x", InterfaceType.PHYSICAL, List.of(), List.of(),
                null, null)), List.of(), Dns.NONE, null);
        assertThrows(IllegalArgumentException.class, () -> NetworkdRenderer.files(s));
    }

    @Test
    void activationUsesNetworkctl() {
        Ctx ctx = new Ctx(null, "debian", "debian", Map.of());
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
