package io.nubis.adapter.rcconf.internal;

import static io.nubis.testkit.NetIface.of;
import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.state;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.withDns;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestRenderContext;

class FreeBsdRendererTest {
    private static final String MAC = "52:54:00:12:34:56";
    /** eth0 by DHCP, with the MAC address the current-names option knows. */
    private static final NetworkState ETH0 = state(physical("eth0").mac(MAC).subnets(dynamic("dhcp")));

    private final FreeBsdRenderer renderer = new FreeBsdRenderer();

    @TempDir
    Path dir;

    private static RenderContext freebsd(TempTarget t) {
        return TestRenderContext.of(t, "freebsd");
    }

    /** A context whose {@code current_names} option says the interface with {@link #MAC} is now {@code name}. */
    private static RenderContext currentName(TempTarget t, String name) {
        return TestRenderContext.of(t, "freebsd", Map.of("current_names", Map.of(MAC, name)));
    }

    @Test
    void writesRcConfAndResolvConf() {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "hostname=\"bsd\"\n")
                .file("/etc/resolv.conf", "nameserver 10.0.0.1\n");
        List<Step> steps = renderer.render(state(List.of(), new Dns(List.of("192.0.2.53"), List.of("example.com")),
                physical("vtnet0").subnets(withDns(static4("192.0.2.5", 24, "192.0.2.1"),
                        new Dns(List.of("192.0.2.54"), List.of())))), freebsd(t));
        assertEquals(List.of(
                new Step.Write("/etc/rc.conf", "hostname=\"bsd\"\n" + RcConfFile.KEYS_MARK + " defaultrouter ifconfig_vtnet0\n"
                        + "defaultrouter=192.0.2.1\nifconfig_vtnet0='inet 192.0.2.5 netmask 255.255.255.0'\n",
                        FileAttributes.PUBLIC),
                new Step.Write("/etc/resolv.conf", "nameserver 10.0.0.1\nnameserver 192.0.2.53\nnameserver 192.0.2.54\n"
                        + "search example.com\n", FileAttributes.PUBLIC)), steps);
    }

    @Test
    void writesNothingWhenNothingChanges() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "hostname=\"bsd\"\n");
        RenderContext ctx = freebsd(t);
        t.apply(renderer.render(state(physical("vtnet0").subnets(dynamic("dhcp"))), ctx));
        assertEquals("", t.text("/etc/resolv.conf"));
        assertEquals(List.of(), renderer.render(state(physical("vtnet0").subnets(dynamic("dhcp"))), ctx));
    }

    @Test
    void aSecondRenderRemovesKeysOfInterfacesThatAreGone() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "hostname=\"bsd\"\nifconfig_vtnet0=\"DHCP\"\n");
        RenderContext ctx = freebsd(t);
        t.apply(renderer.render(state(physical("vtnet0").subnets(static4("192.0.2.5", 24, null)),
                physical("vtnet1").subnets(dynamic("dhcp")), of("bond0", InterfaceType.BOND).members("vtnet2")), ctx));
        assertEquals("hostname=\"bsd\"\nifconfig_vtnet0='inet 192.0.2.5 netmask 255.255.255.0'\n"
                + RcConfFile.KEYS_MARK + " cloned_interfaces=lagg0 ifconfig_vtnet0 ifconfig_vtnet1 ifconfig_lagg0\n"
                + RcConfFile.NAMES_MARK + " bond0=lagg0\n"
                + "cloned_interfaces=lagg0\nifconfig_vtnet1=DHCP\nifconfig_lagg0='laggproto roundrobin laggport vtnet2 up'\n",
                t.text("/etc/rc.conf"));
        t.apply(renderer.render(state(physical("vtnet1").subnets(dynamic("dhcp"))), ctx));
        assertEquals("hostname=\"bsd\"\n" + RcConfFile.KEYS_MARK + " ifconfig_vtnet1\nifconfig_vtnet1=DHCP\n",
                t.text("/etc/rc.conf"));
    }

    @Test
    void renamesComeFromTheCurrentNamesOption() {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "");
        List<Step> steps = renderer.render(ETH0, currentName(t, "vtnet0"));
        assertEquals("ifconfig_vtnet0_name=eth0\nifconfig_eth0=DHCP\n",
                ((Step.Write) steps.get(0)).content().replaceAll("(?m)^#.*\n", ""));
    }

    @Test
    void aRenameStaysWhenALaterRenderSeesTheNewName() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "");
        t.apply(renderer.render(ETH0, currentName(t, "vtnet0")));
        String first = t.text("/etc/rc.conf");
        assertEquals(List.of(), renderer.render(ETH0, currentName(t, "eth0")));
        assertEquals(List.of(), renderer.render(ETH0, freebsd(t)));
        t.apply(renderer.render(state(physical("eth1").subnets(dynamic("dhcp"))), freebsd(t)));
        assertEquals(RcConfFile.KEYS_MARK + " ifconfig_vtnet0_name ifconfig_eth0\nifconfig_vtnet0_name=eth0\n"
                + "ifconfig_eth0=DHCP\n", first);
        assertEquals(RcConfFile.KEYS_MARK + " ifconfig_eth1\nifconfig_eth1=DHCP\n", t.text("/etc/rc.conf"));
    }

    @Test
    void activationUsesRcd() {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf",
                RcConfFile.KEYS_MARK + " cloned_interfaces=lagg0\n" + RcConfFile.NAMES_MARK + " bond0=lagg0\n");
        RenderContext ctx = freebsd(t);
        assertEquals(List.of(Step.run("service", "netif", "start", "vtnet0")), renderer.bringUp("vtnet0", ctx));
        assertEquals(List.of(Step.run("service", "netif", "start", "lagg0")), renderer.bringUp("bond0", ctx));
        assertEquals(List.of(Step.run("service", "netif", "stop", "lagg0")), renderer.bringDown("bond0", ctx));
        List<Step> apply = renderer.apply(ctx);
        assertEquals(List.of(Step.run("service", "netif", "restart"),
                Step.run(Command.of("service", "routing", "restart").okOn(1))), apply);
        assertEquals(Set.of(0, 1), ((Step.Run) apply.get(1)).command().okCodes());
        assertEquals(List.of(), renderer.apply(TestRenderContext.of(t, "freebsd", Map.of("postcmds", false))));
    }

    @Test
    void ownsNoFileBecauseRcConfAndResolvConfAreShared() {
        assertEquals(List.of(), renderer.ownedFiles(freebsd(TempTarget.in(dir))));
    }

    @Test
    void currentNamesAreMatchedWithoutCase() {
        assertEquals(Map.of("52:54:00:ab:cd:ef", "em0"),
                FreeBsdRenderer.currentNames(Map.of("current_names", Map.of("52:54:00:AB:CD:EF", "em0"))));
        assertEquals(Map.of(), FreeBsdRenderer.currentNames(Map.of("current_names", "em0")));
    }
}
