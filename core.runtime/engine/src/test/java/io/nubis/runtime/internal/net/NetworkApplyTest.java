package io.nubis.runtime.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.plugin.PluginInfo;
import io.nubis.runtime.internal.target.ChrootTarget;

class NetworkApplyTest {
    @TempDir
    Path root;
    ChrootTarget target;
    final List<String> ran = new ArrayList<>();
    final Map<String, PluginInfo> renderers = new LinkedHashMap<>();
    List<String> words = List.of();
    String stamp;
    int renders;

    /** Reads only {@code {version: 2, ethernets: {NAME: ...}}}; any key {@code bad} is a problem. */
    final NetworkConfigReader reader = (config, origin, macs) -> {
        if (config.containsKey("bad")) {
            throw new NetworkConfigException(origin, List.of(new NetworkConfigException.Problem("bad", "unknown key")));
        }
        List<NetInterface> ifs = new ArrayList<>();
        if (config.get("ethernets") instanceof Map<?, ?> eths) {
            for (Object name : eths.keySet()) {
                ifs.add(new NetInterface((String) name, InterfaceType.PHYSICAL, null, null, null, false, false, null,
                        List.of(), List.of(), null, null, null, Dns.NONE, null));
            }
        }
        return new NetworkState(2, ifs, List.of(), Dns.NONE, config);
    };

    /** Writes /etc/net/NAME.conf per interface, deletes others, and asks to run a generator. */
    final NetworkRenderer fake = new NetworkRenderer() {
        @Override
        public List<Step> render(NetworkState state, RenderContext ctx) {
            renders++;
            List<Step> out = new ArrayList<>();
            List<String> names = state.interfaces().stream().map(NetInterface::name).toList();
            for (String n : names) {
                out.add(new Step.Write("/etc/net/" + n + ".conf", "iface " + n + " " + ctx.distro() + "\n",
                        FileAttributes.PRIVATE));
            }
            try {
                for (String f : ctx.target().list("/etc/net")) {
                    if (!names.contains(f.replace(".conf", ""))) {
                        out.add(new Step.Delete("/etc/net/" + f));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.add(Step.run("fake-generate"));
            return out;
        }

        @Override
        public List<Step> bringUp(String iface, RenderContext context) {
            return List.of(Step.run("ifup", iface));
        }

        @Override
        public List<Step> bringDown(String iface, RenderContext context) {
            return List.of(Step.run("ifdown", iface));
        }

        @Override
        public List<Step> apply(RenderContext context) {
            return List.of();
        }

        @Override
        public List<String> ownedFiles(RenderContext context) {
            return List.of("/etc/net/*.conf");
        }
    };

    final CommandRunner runner = new CommandRunner() {
        @Override
        public CommandResult run(Command c) {
            ran.add(c.display());
            return new CommandResult(0, new byte[0], new byte[0], true);
        }

        @Override
        public boolean planMode() {
            return false;
        }

        @Override
        public Optional<String> which(String program) {
            return Optional.empty();
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        target = new ChrootTarget(root);
        renderers.put("fake", info("fake", List.of("fakectl"), List.of()));
        renderers.put("other", info("other", List.of(), List.of("/etc/other.conf")));
    }

    static PluginInfo info(String name, List<String> commands, List<String> files) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(Namespaces.NET_RENDERER, name);
        props.put(Attributes.PROBE_COMMANDS, commands.toArray(String[]::new));
        props.put(Attributes.PROBE_FILES, files.toArray(String[]::new));
        return new PluginInfo(Namespaces.NET_RENDERER, name, 0, "test." + name, props, null);
    }

    NetworkApply apply() {
        return new NetworkApply(target, runner, new NetworkApply.Parts() {
            @Override
            public Optional<NetworkConfigReader> reader() {
                return Optional.of(reader);
            }

            @Override
            public Map<String, PluginInfo> renderers() {
                return renderers;
            }

            @Override
            public NetworkRenderer renderer(PluginInfo info) {
                return fake;
            }
        }, "debian", "debian");
    }

    static Map<String, Object> v2(String name) {
        return Map.of("version", 2, "ethernets", Map.of(name, Map.of("dhcp4", true)));
    }

    NetworkApply.Request request(Map<String, Object> cmdline, Map<String, Object> system, Map<String, Object> ds) {
        Map<String, Object> sys = new LinkedHashMap<>();
        sys.put("system_info", Map.of("network", Map.of("renderers", List.of("fake", "other"))));
        if (system != null) {
            sys.put("network", system);
        }
        return new NetworkApply.Request(Optional.ofNullable(cmdline), words, sys, "cloud.cfg", ds, "datasource NoCloud",
                "/var/lib/cloud/data/upgraded-network", "/var/lib/cloud/instance/network-config.json", stamp);
    }

    void probeOk() throws Exception {
        Files.createDirectories(root.resolve("usr/sbin"));
        Files.writeString(root.resolve("usr/sbin/fakectl"), "");
    }

    @Test
    void precedence_cmdlineThenSystemThenDatasource() throws Exception {
        probeOk();
        NetworkApply.Result r = apply().apply(request(v2("cmd0"), v2("sys0"), v2("ds0"))).orElseThrow();
        assertEquals(NetworkSources.Source.CMDLINE, r.source());
        r = apply().apply(request(null, Map.of("network", v2("sys0")), v2("ds0"))).orElseThrow();
        assertEquals(NetworkSources.Source.SYSTEM_CFG, r.source());
        assertEquals("sys0", r.state().interfaces().get(0).name());
        r = apply().apply(request(null, null, v2("ds0"))).orElseThrow();
        assertEquals(NetworkSources.Source.DS, r.source());
        assertEquals("iface ds0 debian\n", Files.readString(root.resolve("etc/net/ds0.conf")));
        assertFalse(Files.exists(root.resolve("etc/net/sys0.conf")), "stale file of the previous render deleted");
        assertEquals(0600, target.mode("/var/lib/cloud/instance/network-config.json"));
        assertTrue(Files.readString(root.resolve("var/lib/cloud/instance/network-config.json")).contains("\"ds0\""));
    }

    @Test
    void klibcFilesCountWithIpOnTheCommandLine_beforeTheSystemConfig() throws Exception {
        probeOk();
        Files.createDirectories(root.resolve("run"));
        Files.writeString(root.resolve("run/net-eth0.conf"), "DEVICE='eth0'\nPROTO='none'\nIPV4ADDR='10.0.0.5'\n"
                + "IPV4NETMASK='255.255.255.0'\nIPV4GATEWAY='10.0.0.1'\nIPV4DNS0='10.0.0.2'\nIPV4DNS1='0.0.0.0'\n"
                + "DOMAINSEARCH='a.example b.example'\n# comment\nHOSTNAME=''\n");
        assertEquals(NetworkSources.Source.SYSTEM_CFG,
                apply().apply(request(null, Map.of("version", 2, "ethernets", Map.of("sys0", Map.of())), null)).orElseThrow().source(),
                "without ip= the files do not count");
        words = List.of("ro", "ip=dhcp");
        Map<String, Object> cfg = KlibcConfig.read(target, words, Map.of("eth0", "aa:00:00:00:00:01")).orElseThrow();
        assertEquals(Map.of("version", 1, "config", List.of(Map.of("type", "physical", "name", "eth0",
                "mac_address", "aa:00:00:00:00:01", "subnets", List.of(Map.of("type", "static", "control", "manual",
                        "address", "10.0.0.5", "netmask", "255.255.255.0", "gateway", "10.0.0.1",
                        "dns_nameservers", List.of("10.0.0.2"), "dns_search", List.of("a.example", "b.example")))))), cfg);
        assertEquals(NetworkSources.Source.INITRAMFS,
                apply().apply(request(null, Map.of("version", 2, "ethernets", Map.of("sys0", Map.of())), null)).orElseThrow().source());
        Files.writeString(root.resolve("run/net6-eth0.conf"), "DEVICE6=eth0\nIPV6PROTO=dhcp6\nIPV6ADDR=fd00::5\n");
        cfg = KlibcConfig.read(target, words, Map.of()).orElseThrow();
        assertEquals(2, ((List<?>) ((Map<?, ?>) ((List<?>) cfg.get("config")).get(0)).get("subnets")).size());
        Files.writeString(root.resolve("run/net6-eth0.conf"), "PROTO=dhcp\n");
        assertThrows(NetworkConfigException.class, () -> KlibcConfig.read(target, words, Map.of()));
    }

    @Test
    void disabledAnywhereFirstWins() throws Exception {
        probeOk();
        assertTrue(apply().apply(request(Map.of("config", "disabled"), null, v2("ds0"))).isEmpty());
        assertTrue(apply().apply(request(null, Map.of("config", "disabled"), v2("ds0"))).isEmpty());
        assertTrue(apply().apply(request(null, null, Map.of("network", Map.of("config", "disabled")))).isEmpty());
        assertFalse(Files.exists(root.resolve("etc/net")));
        Files.createDirectories(root.resolve("var/lib/cloud/data"));
        Files.writeString(root.resolve("var/lib/cloud/data/upgraded-network"), "");
        assertTrue(apply().apply(request(null, null, v2("ds0"))).isEmpty());
    }

    @Test
    void invalidConfig_fallsBackToTheFallbackNic() throws Exception {
        probeOk();
        new FakeSys(root).nic("ens3", "aa:00:00:00:00:01", "1", "up", "virtio_net");
        NetworkApply.Result r = apply().apply(request(null, null, Map.of("version", 2, "bad", 1))).orElseThrow();
        assertEquals(NetworkSources.Source.FALLBACK, r.source());
        assertEquals("ens3", r.state().interfaces().get(0).name());
        assertTrue(Files.exists(root.resolve("etc/net/ens3.conf")));
    }

    @Test
    void noDatasourceConfig_usesTheFallback_orNothingWithoutNics() throws Exception {
        probeOk();
        assertTrue(apply().apply(request(null, null, null)).isEmpty());
        new FakeSys(root).nic("eth0", "aa:00:00:00:00:01", "0", "down", "e1000");
        assertEquals(NetworkSources.Source.FALLBACK, apply().apply(request(null, null, null)).orElseThrow().source());
    }

    @Test
    void unchangedConfig_rewritesNothing_andRunsNoCommand() throws Exception {
        probeOk();
        apply().apply(request(null, null, v2("ds0")));
        assertEquals(List.of("fake-generate"), ran);
        Path f = root.resolve("etc/net/ds0.conf");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(f, old);
        NetworkApply.Result r = apply().apply(request(null, null, v2("ds0"))).orElseThrow();
        assertEquals(List.of(), r.files().changed());
        assertEquals(old, Files.getLastModifiedTime(f));
        assertEquals(List.of("fake-generate"), ran, "no second generate");
    }

    @Test
    void stamp_skipsReadingAndRendering_untilConfigFilesOrProbesChange() throws Exception {
        probeOk();
        stamp = "/var/lib/cloud/data/nubis-network-render.json";
        apply().apply(request(null, null, v2("ds0")));
        assertEquals(1, renders);
        NetworkApply.Result r = apply().apply(request(null, null, v2("ds0"))).orElseThrow();
        assertEquals(1, renders, "unchanged: the stamp holds, nothing is read or rendered");
        assertEquals(null, r.state());
        assertEquals("fake", r.renderer());
        assertEquals(List.of("/etc/net/ds0.conf"), r.files().unchanged());

        Files.writeString(root.resolve("etc/net/ds0.conf"), "edited by hand\n");
        apply().apply(request(null, null, v2("ds0")));
        assertEquals(2, renders, "a rendered file changed: rendered again");
        assertEquals("iface ds0 debian\n", Files.readString(root.resolve("etc/net/ds0.conf")));

        apply().apply(request(null, null, v2("ds1")));
        assertEquals(3, renders, "another config: rendered again");

        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/fakectl"), "");
        apply().apply(request(null, null, v2("ds1")));
        assertEquals(4, renders, "a probe path appeared: the renderer choice is made again");
        apply().apply(request(null, null, v2("ds1")));
        assertEquals(4, renders);

        Files.delete(root.resolve("usr/sbin/fakectl"));
        Files.delete(root.resolve("usr/bin/fakectl"));
        apply().apply(request(null, null, v2("ds1")));
        assertEquals(4, renders, "the probe fails now: nothing renders");
    }

    @Test
    void rendererChoice_followsOrderAndProbes() throws Exception {
        assertTrue(apply().apply(request(null, null, v2("ds0"))).isEmpty(), "no renderer available: nothing rendered");
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/other.conf"), "");
        assertEquals("other", RendererChoice.choose(renderers, List.of("fake", "other"), target).name());
        probeOk();
        assertEquals("fake", RendererChoice.choose(renderers, List.of("fake", "other"), target).name());
        assertEquals("other", RendererChoice.choose(renderers, List.of("missing", "other"), target).name());
        RendererChoice.NoRendererException e = assertThrows(RendererChoice.NoRendererException.class,
                () -> RendererChoice.choose(renderers, List.of("netplan"), target));
        assertTrue(e.getMessage().contains("netplan: not in this assembly"), e.getMessage());
        assertEquals(RendererChoice.DEFAULT_PRIORITY, RendererChoice.order(Map.of()));
    }
}
