package io.nubis.adapter.eni.internal;

import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.state;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.NetIface;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestRenderContext;

class EniRendererTest {
    private final EniRenderer eni = new EniRenderer();
    private final NetworkState state = state(physical("eth0").mac("52:54:00:00:00:01").subnets(dynamic("dhcp4")));

    @TempDir
    Path dir;

    private RenderContext ctx(Map<String, Object> options) {
        return TestRenderContext.of(TempTarget.in(dir), "debian", options);
    }

    @Test
    void writesTheInterfacesFileWithTheHeaderAndTheRules() {
        List<Step> steps = eni.render(state, ctx(Map.of()));
        assertEquals(List.of(
                new Step.Write("/etc/network/interfaces.d/50-cloud-init", EniOptions.DEBIAN_HEADER
                        + "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n", FileAttributes.PUBLIC),
                new Step.Write("/etc/udev/rules.d/70-persistent-net.rules", "SUBSYSTEM==\"net\", ACTION==\"add\", "
                        + "DRIVERS==\"?*\", ATTR{address}==\"52:54:00:00:00:01\", NAME=\"eth0\"\n", FileAttributes.PUBLIC)),
                steps);
    }

    @Test
    void rendersTheSameStepsEveryTime() {
        assertEquals(eni.render(state, ctx(Map.of())), eni.render(state, ctx(Map.of())));
    }

    @Test
    void withoutRulesPathOnlyTheInterfacesFile() {
        Map<String, Object> o = new HashMap<>();
        o.put("dialect", "busybox");
        o.put("netrules_path", null);
        o.put("eni_header", "");
        assertEquals(List.of(new Step.Write("/etc/network/interfaces",
                "auto lo\niface lo inet loopback\n\nauto eth0\niface eth0 inet dhcp\n", FileAttributes.PUBLIC)),
                eni.render(state, ctx(o)));
    }

    @Test
    void bringsOneInterfaceUpOrDown() {
        assertEquals(List.of(Step.run("ifup", "eth1")), eni.bringUp("eth1", ctx(Map.of())));
        assertEquals(List.of(Step.run("ifdown", "eth1")), eni.bringDown("eth1", ctx(Map.of())));
    }

    @Test
    void applyCyclesTheRenderedInterfacesDownInReverseAndUpInOrder() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RenderContext c = TestRenderContext.of(t, "debian");
        t.apply(eni.render(state(physical("eth0").subnets(dynamic("dhcp4"), dynamic("dhcp6")),
                NetIface.of("bond0", InterfaceType.BOND).members("eth1"),
                physical("eth1")), c));
        assertEquals(List.of(Step.run("ifdown", "bond0"), Step.run("ifdown", "eth1"), Step.run("ifdown", "eth0"),
                Step.run("ifup", "eth0"), Step.run("ifup", "eth1"), Step.run("ifup", "bond0")), eni.apply(c));
    }

    @Test
    void applyWithoutARenderedFileBringsUpWhatIsAuto() {
        assertEquals(List.of(Step.run("ifup", "-a")), eni.apply(ctx(Map.of())));
    }

    @Test
    void ownedFilesNeverIncludeTheMainInterfacesFile() {
        assertEquals(List.of("/etc/network/interfaces.d/50-cloud-init", "/etc/udev/rules.d/70-persistent-net.rules"),
                eni.ownedFiles(ctx(Map.of())));
        assertEquals(List.of("/etc/udev/rules.d/70-persistent-net.rules"),
                eni.ownedFiles(ctx(Map.of("dialect", "busybox"))));
        assertEquals(List.of("/etc/network/interfaces.d/50-cloud-init.cfg"),
                eni.ownedFiles(ctx(Map.of("eni_path", "/etc/network/interfaces.d/50-cloud-init.cfg", "netrules_path", ""))));
    }

    @Test
    void renderedInterfaceNamesSkipTheLoopbackAndRepeats() {
        assertEquals(List.of("eth0", "br0"), RenderedInterfaces.in(
                "auto lo\niface lo inet loopback\n# iface x inet dhcp\niface eth0 inet dhcp\n\n"
                        + "# control-alias eth0\niface eth0 inet6 dhcp\niface br0 inet manual\n"));
    }
}
