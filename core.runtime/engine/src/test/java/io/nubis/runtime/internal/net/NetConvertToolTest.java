package io.nubis.runtime.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.Step;
import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkDataConverter;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.plugin.PluginInfo;

class NetConvertToolTest {
    @TempDir
    Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Reads ethernets by name; a key {@code bad} is a problem at that path. */
    final NetworkConfigReader reader = (config, origin, macs) -> {
        if (config.containsKey("bad")) {
            throw new NetworkConfigException(origin, List.of(new NetworkConfigException.Problem("bad", "unknown key")));
        }
        List<NetInterface> ifs = new java.util.ArrayList<>();
        ((Map<?, ?>) config.getOrDefault("ethernets", Map.of())).keySet().forEach(n -> ifs.add(new NetInterface(
                (String) n, InterfaceType.PHYSICAL, macs.apply("aa:00:00:00:00:01"), null, null, false, false, null,
                List.of(), List.of(), null, null, null, Dns.NONE, null)));
        return new NetworkState(2, ifs, List.of(), Dns.NONE, config);
    };

    /** Writes one owned, private file per interface, recording the distro and the MAC lookup, and a command. */
    final NetworkRenderer renderer = new NetworkRenderer() {
        @Override
        public List<Step> render(NetworkState state, RenderContext ctx) {
            List<Step> out = new java.util.ArrayList<>();
            for (NetInterface i : state.interfaces()) {
                out.add(new Step.Write("/etc/test/" + i.name(), ctx.distro() + " " + i.macAddress() + " " + ctx.options() + "\n",
                        new FileAttributes(0600, "systemd-network", "systemd-network")));
            }
            out.add(Step.run("generate"));
            return out;
        }

        @Override
        public List<Step> bringUp(String iface, RenderContext context) {
            return List.of();
        }

        @Override
        public List<Step> bringDown(String iface, RenderContext context) {
            return List.of();
        }

        @Override
        public List<Step> apply(RenderContext context) {
            return List.of();
        }

        @Override
        public List<String> ownedFiles(RenderContext context) {
            return List.of();
        }
    };

    final NetworkDataConverter converter = (data, macs) -> Map.of("version", 2, "ethernets", Map.of("ens3", Map.of()));

    int run(String kind, String content, String output, String... macs) throws Exception {
        Path in = dir.resolve("in");
        Files.writeString(in, content);
        NetworkApply.Parts parts = new NetworkApply.Parts() {
            @Override
            public Optional<NetworkConfigReader> reader() {
                return Optional.of(reader);
            }

            @Override
            public Map<String, PluginInfo> renderers() {
                return Map.of("netplan", NetworkApplyTest.info("netplan", List.of(), List.of()));
            }

            @Override
            public NetworkRenderer renderer(PluginInfo info) {
                return renderer;
            }
        };
        return new NetConvertTool(parts, () -> Optional.of(converter),
                d -> d.equals("ubuntu") ? Map.of("netplan", ubuntuNetplan()) : Map.of(),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new NetConvertTool.Request(in, kind, dir.resolve("out"), "ubuntu", output, List.of(macs), false));
    }

    /** Ubuntu's profile options for netplan, in the order a profile's YAML gives them. */
    static Map<String, Object> ubuntuNetplan() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("netplan_path", "/etc/netplan/50-cloud-init.yaml");
        m.put("postcmds", true);
        return m;
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheRenderersFiles_withModesButNoOwners_andRunsNothing() throws Exception {
        assertEquals(0, run("yaml", "network:\n  version: 2\n  ethernets: {eth0: {}}\n", "netplan", "eth0,AA:00:00:00:00:01"));
        Path f = dir.resolve("out/etc/test/eth0");
        assertEquals("ubuntu eth0 {netplan_path=/etc/netplan/50-cloud-init.yaml, postcmds=false,"
                + " features=[dhcp-use-domains, ipv6-mtu]}\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertTrue(err().contains("Read input format 'yaml' from '" + dir.resolve("in") + "'.\nWrote output format 'netplan' to '"
                + dir.resolve("out") + "/'\n"), err());
    }

    @Test
    void networkDataJsonGoesThroughTheConverter() throws Exception {
        assertEquals(0, run("network_data.json", "{\"links\": []}", "netplan"));
        assertTrue(Files.exists(dir.resolve("out/etc/test/ens3")));
    }

    @Test
    void errorsNameTheProblem() throws Exception {
        assertEquals(1, run("yaml", "version: 2\nbad: 1\n", "netplan"));
        assertTrue(err().contains("invalid network config " + dir.resolve("in") + ":\n  bad: unknown key"), err());
        assertEquals(1, run("yaml", "version: 2\n", "sysconfig"));
        assertTrue(err().contains("the sysconfig renderer is not in this assembly (it has: netplan)"), err());
        assertEquals(1, run("yaml", "version: 2\n", "netplan", "eth0"));
        assertTrue(err().contains("-m/--mac wants name,mac: 'eth0'"), err());
        assertFalse(Files.exists(dir.resolve("out/etc")));
    }
}
