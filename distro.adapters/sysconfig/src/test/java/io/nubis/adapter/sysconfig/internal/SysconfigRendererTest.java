package io.nubis.adapter.sysconfig.internal;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestRenderContext;

class SysconfigRendererTest {
    private static final String HEADER = "# Created by cloud-init on instance boot automatically, do not edit.\n#\n";
    private final SysconfigRenderer renderer = new SysconfigRenderer();

    @TempDir
    Path dir;

    private TempTarget target() {
        return TempTarget.in(dir);
    }

    private static RenderContext opensuse(TempTarget t) {
        return TestRenderContext.of(t, "opensuse");
    }

    private static List<String> paths(List<Step> steps, Class<? extends Step> kind) {
        return steps.stream().filter(kind::isInstance)
                .map(s -> s instanceof Step.Write w ? w.path() : ((Step.Delete) s).path()).toList();
    }

    @Test
    void writesEachFileOnceInTheReferencesOrder() {
        NetworkState state = state(new Dns(List.of("192.0.2.53"), List.of("example.org")),
                physical("eth0").mac("02:00:00:00:00:01").subnets(static4("192.0.2.10", 24, "192.0.2.1")),
                physical("eth1").subnets(dynamic("dhcp")),
                of("lo", InterfaceType.LOOPBACK));
        List<Step> steps = renderer.render(state, opensuse(target()));
        assertEquals(List.of("/etc/sysconfig/network/ifcfg-eth0", "/etc/sysconfig/network/ifroute-eth0",
                "/etc/sysconfig/network/ifcfg-eth1", "/etc/resolv.conf", "/etc/NetworkManager/conf.d/99-cloud-init.conf",
                "/etc/udev/rules.d/85-persistent-net-cloud-init.rules"), paths(steps, Step.Write.class));
        assertEquals(new Step.Write("/etc/udev/rules.d/85-persistent-net-cloud-init.rules",
                "SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"?*\", ATTR{address}==\"02:00:00:00:00:01\", NAME=\"eth0\"\n",
                io.nubis.api.target.FileAttributes.mode(0644)), steps.get(5));
        assertEquals(HEADER + "[main]\ndns = none\n", ((Step.Write) steps.get(4)).content());
    }

    @Test
    void searchDomainsAloneWriteResolvConfButNoDropIn() {
        NetworkState state = state(new Dns(List.of(), List.of("example.org")), physical("eth0").subnets(dynamic("dhcp")));
        List<String> written = paths(renderer.render(state, opensuse(target())), Step.Write.class);
        assertTrue(written.contains("/etc/resolv.conf"));
        assertFalse(written.contains("/etc/NetworkManager/conf.d/99-cloud-init.conf"));
    }

    @Test
    void filesAnEarlierRenderWroteForInterfacesNowGoneAreDeleted() throws Exception {
        TempTarget t = target()
                .file("/etc/sysconfig/network/ifcfg-eth5", HEADER + "BOOTPROTO=dhcp\nSTARTMODE=auto\n")
                .file("/etc/sysconfig/network/ifroute-eth5", HEADER + "default 10.0.0.1 - eth5\n")
                .file("/etc/sysconfig/network/ifroute-eth0", HEADER + "default 10.0.0.1 - eth0\n")
                .file("/etc/sysconfig/network/ifcfg-lo", "STARTMODE=nfsroot\nBOOTPROTO=static\n")
                .file("/etc/sysconfig/network/ifcfg-eth9", "BOOTPROTO=dhcp\n")
                .file("/etc/sysconfig/network/config", "NETCONFIG_DNS_POLICY=auto\n")
                .file("/etc/NetworkManager/conf.d/99-cloud-init.conf", HEADER + "[main]\ndns = none\n");
        List<Step> steps = renderer.render(state(physical("eth0").subnets(dynamic("dhcp"))), opensuse(t));
        assertEquals(List.of("/etc/NetworkManager/conf.d/99-cloud-init.conf", "/etc/sysconfig/network/ifcfg-eth5",
                "/etc/sysconfig/network/ifroute-eth0", "/etc/sysconfig/network/ifroute-eth5"), paths(steps, Step.Delete.class));
        t.apply(steps);
        assertTrue(t.exists("/etc/sysconfig/network/ifcfg-lo"));
        assertTrue(t.exists("/etc/sysconfig/network/ifcfg-eth9"));
        assertEquals(HEADER + "BOOTPROTO=dhcp\nSTARTMODE=auto\n", t.text("/etc/sysconfig/network/ifcfg-eth0"));
    }

    @Test
    void aDropInSomeoneElseWroteIsKept() {
        TempTarget t = target().file("/etc/NetworkManager/conf.d/99-cloud-init.conf", "[main]\ndns=default\n");
        List<Step> steps = renderer.render(state(physical("eth0").subnets(dynamic("dhcp"))), opensuse(t));
        assertEquals(List.of(), paths(steps, Step.Delete.class));
    }

    @Test
    void optionsMovePathsAndTurnFilesOff() {
        Map<String, Object> options = new HashMap<>();
        options.put("sysconf_dir", "srv/sysconfig");
        options.put("iface_templates", "%(base)s/net/cfg-%(name)s.conf");
        options.put("route_templates", Map.of("ipv4", "%(base)s/net/route-%(name)s", "ipv6", "%(base)s/net/route6-%(name)s"));
        options.put("netrules_path", null);
        options.put("dns_path", "");
        options.put("networkmanager_conf_path", "/run/nm/99-ci.conf");
        NetworkState state = state(new Dns(List.of("192.0.2.53"), List.of()),
                physical("eth0").subnets(static4("192.0.2.10", 24, "192.0.2.1"), static6("2001:db8::10", 64, "2001:db8::1")));
        TempTarget t = target().file("/srv/sysconfig/net/cfg-old.conf", HEADER + "BOOTPROTO=dhcp\n");
        List<Step> steps = renderer.render(state, TestRenderContext.of(t, "opensuse", options));
        assertEquals(List.of("/srv/sysconfig/net/cfg-eth0.conf", "/srv/sysconfig/net/route-eth0",
                "/srv/sysconfig/net/route6-eth0", "/run/nm/99-ci.conf"), paths(steps, Step.Write.class));
        assertEquals(List.of("/srv/sysconfig/net/cfg-old.conf"), paths(steps, Step.Delete.class));
        assertEquals(HEADER + "default 2001:db8::1 - eth0\n", ((Step.Write) steps.get(2)).content());
    }

    @Test
    void onlyTheSuseFlavourIsRendered() {
        RenderContext ctx = TestRenderContext.of(target(), "opensuse", Map.of("flavor", "rhel"));
        assertThrows(IllegalArgumentException.class, () -> renderer.render(state(), ctx));
        assertEquals(1,
                renderer.render(state(), TestRenderContext.of(target(), "opensuse", Map.of("flavor", "suse"))).size());
    }

    @Test
    void wickedBringsInterfacesUpAndDownAndReloads() {
        RenderContext ctx = opensuse(target());
        assertEquals(List.of(Step.run(Command.of("wicked", "ifup", "eth0"))), renderer.bringUp("eth0", ctx));
        assertEquals(List.of(Step.run(Command.of("wicked", "ifdown", "eth0"))), renderer.bringDown("eth0", ctx));
        assertEquals(List.of(Step.run(Command.of("wicked", "ifreload", "all"))), renderer.apply(ctx));
    }

    @Test
    void ownedFilesAreWhatItWroteNeverTheImagesOwn() {
        TempTarget t = target()
                .file("/etc/sysconfig/network/ifcfg-eth0", HEADER + "BOOTPROTO=dhcp\n")
                .file("/etc/sysconfig/network/ifroute-eth0", HEADER + "default 10.0.0.1 - eth0\n")
                .file("/etc/sysconfig/network/ifcfg-lo", "STARTMODE=nfsroot\n");
        assertEquals(List.of("/etc/NetworkManager/conf.d/99-cloud-init.conf", "/etc/sysconfig/network/ifcfg-eth0",
                "/etc/sysconfig/network/ifroute-eth0", "/etc/udev/rules.d/85-persistent-net-cloud-init.rules"),
                renderer.ownedFiles(opensuse(t)));
    }
}
