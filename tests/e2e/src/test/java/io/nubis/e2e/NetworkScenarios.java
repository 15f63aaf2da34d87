package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Network configuration in a root with an ifupdown, booted in a network namespace that holds veth
 * devices made by the test ({@code eth0}, {@code eth1}, {@code eth2}; their peers stay on the host
 * side of the pair): the fallback config, a NoCloud network-config v2 rendered as ENI and brought
 * up with {@code ifup}, an unchanged reboot, and a hotplugged NIC brought up and taken down. This
 * machine's kernel has no bonding and no 802.1q support, so the bond and the VLAN of the config are
 * checked as rendered files only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class NetworkScenarios {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String WAIT_DRAIN = "i=0; while [ -e /run/cloud-init/hotplug.queue ] && [ $i -lt 600 ]; do sleep 0.1;"
            + " i=$((i + 1)); done; flock /run/cloud-init/hotplug.drain true";
    static final String NETWORK_CONFIG = """
            version: 2
            ethernets:
              eth0:
                addresses: [192.0.2.10/24]
                gateway4: 192.0.2.1
                nameservers: {addresses: [192.0.2.53], search: [e2e.example]}
              eth1: {}
              eth2: {}
              eth3:
                addresses: [198.51.100.33/24]
            bonds:
              bond0:
                interfaces: [eth1, eth2]
                parameters: {mode: active-backup, mii-monitor-interval: 100}
                addresses: [198.51.100.5/24]
            vlans:
              bond0.20:
                id: 20
                link: bond0
                addresses: [203.0.113.5/24]
            """;

    Machine m;

    /** The network namespace and the prefix of the host ends of its veth pairs (unique per class). */
    abstract String namespace();

    /** Builds the root (skips when it cannot be made here). */
    abstract Machine buildRoot();

    /** The file the ENI renderer writes. */
    abstract String eniPath();

    /** The persistent-net rules file, or null where the device manager has none (mdev). */
    abstract String rulesPath();

    /** The device manager's environment for a hotplug event of eth3. */
    abstract String hookEnvironment(String action);

    @BeforeAll
    void setUp() {
        Machine.assumeCanBoot();
        String ns = namespace();
        host("ip", "netns", "del", ns);
        for (int i = 0; i < 4; i++) {
            host("ip", "link", "del", ns + i); // left by a killed run
        }
        Machine.Result made = host("ip", "netns", "add", ns);
        assumeTrue(made.code() == 0, "the network tests need ip netns: " + made.out());
        for (int i = 0; i < 3; i++) {
            Machine.Result v = host("ip", "link", "add", ns + i, "type", "veth", "peer", "name", "eth" + i, "netns", ns);
            assumeTrue(v.code() == 0, "the network tests need veth devices: " + v.out());
        }
        m = buildRoot().netns(ns);
    }

    @AfterAll
    void tearDown() {
        host("ip", "netns", "del", namespace()); // the veth pairs go with it
    }

    static Machine.Result host(String... cmd) {
        return Machine.host(List.of(cmd), 30);
    }

    String mac(String dev) throws Exception {
        Machine.Result r = host("ip", "-n", namespace(), "-j", "link", "show", dev);
        assertEquals(0, r.code(), r.out());
        return JSON.readTree(r.out()).get(0).path("address").asText();
    }

    @Test
    @Order(1)
    void firstBootWithoutNetworkConfigWritesTheFallbackAndThePersistentName() throws Exception {
        m.seed("iid-net-1", "#cloud-config\n{}\n");
        Machine.Result boot = m.boot1("/usr/bin/nubis --all-stages");
        assertEquals(0, boot.code(), boot.out());
        String eni = m.read(eniPath());
        assertTrue(eni.contains("auto eth0\niface eth0 inet dhcp"), eni);
        assertFalse(eni.contains("eth1"), "one fallback NIC: " + eni);
        if (rulesPath() != null) {
            String rules = m.read(rulesPath());
            assertTrue(rules.contains("ATTR{address}==\"" + mac("eth0") + "\", NAME=\"eth0\""), rules);
        }
        assertEquals("rw-------", m.mode("/var/lib/cloud/instances/iid-net-1/network-config.json"));
        assertTrue(m.read("/var/log/cloud-init.log").contains("Applying network configuration from fallback"));
    }

    @Test
    @Order(2)
    void networkConfigV2IsRenderedAndIfupBringsItUp() throws Exception {
        m.seed("iid-net-2", "#cloud-config\n{}\n");
        m.write("/var/lib/cloud/seed/nocloud/network-config", NETWORK_CONFIG);
        List<Machine.Result> r = m.boot("/usr/bin/nubis --all-stages", "ifup eth0", "ip addr show dev eth0",
                "ip route show default");
        assertEquals(0, r.get(0).code(), r.get(0).out());
        String eni = m.read(eniPath());
        assertTrue(eni.contains("iface eth0 inet static"), eni);
        assertTrue(eni.contains("address 192.0.2.10/24")
                || (eni.contains("address 192.0.2.10\n") && eni.contains("netmask 255.255.255.0\n")), eni);
        assertTrue(eni.contains("iface bond0 inet static"), eni);
        assertTrue(eni.contains("bond-slaves none") || eni.contains("bond-slaves eth1 eth2"), eni);
        assertTrue(eni.contains("bond-mode active-backup"), eni);
        assertTrue(eni.contains("iface bond0.20 inet static") && eni.contains("vlan-raw-device bond0"), eni);
        assertFalse(eni.contains("{'"), "no Python dict in the file (22.4's bug): " + eni);
        assertEquals(0, r.get(1).code(), "ifup eth0: " + r.get(1).out());
        assertTrue(r.get(2).out().contains("inet 192.0.2.10/24"), r.get(2).out());
        assertTrue(r.get(3).out().contains("default via 192.0.2.1 dev eth0"), r.get(3).out());
        assertTrue(m.read("/var/log/cloud-init.log").contains("Applying network configuration from ds"));
    }

    @Test
    @Order(3)
    void rebootWithTheSameConfigRewritesNothing() throws Exception {
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(m.path(eniPath()), old);
        Machine.Result boot = m.boot1("/usr/bin/nubis --all-stages");
        assertEquals(0, boot.code(), boot.out());
        assertEquals(old, Files.getLastModifiedTime(m.path(eniPath())));
    }

    @Test
    @Order(4)
    void hotplugBringsANewNicUpAndItsRemovalTakesItDown() throws Exception {
        // the NIC appears in the namespace (made from the host: busybox's ip cannot name a veth peer),
        // then the device manager runs the hook
        Machine.Result v = host("ip", "link", "add", namespace() + "3", "type", "veth", "peer", "name", "eth3",
                "netns", namespace());
        assertEquals(0, v.code(), v.out());
        host("ip", "link", "set", namespace() + "3", "up");
        String hook = " /usr/lib/nubis/libexec/hotplug-hook";
        String add = hookEnvironment("add") + hook + " && " + WAIT_DRAIN;
        String remove = "ip link del eth3 && " + hookEnvironment("remove") + hook + " && " + WAIT_DRAIN;
        List<Machine.Result> r = m.boot("/usr/bin/nubis devel hotplug-hook -s net enable", add, "ip addr show dev eth3",
                remove, "test ! -e /run/network/ifstate.eth3 || cat /run/network/ifstate.eth3");
        assertEquals(0, r.get(0).code(), r.get(0).out());
        assertEquals(0, r.get(1).code(), r.get(1).out());
        assertTrue(r.get(2).out().contains("inet 198.51.100.33/24"), r.get(2).out());
        String log = m.read("/var/log/cloud-init.log");
        assertTrue(log.contains("Hotplug add of /devices/virtual/net/eth3: brought up eth3 with the eni renderer"), log);
        assertEquals(0, r.get(3).code(), r.get(3).out());
        assertTrue(log.contains("Hotplug remove of /devices/virtual/net/eth3"), log);
        assertEquals(0, r.get(4).code(), "ifupdown forgot eth3: " + r.get(4).out());
    }

    /**
     * {@code modules --mode update} after the operator dropped a network config into the system
     * config (which the datasource's does not override): the file is rendered again and the stack
     * applies it (ifdown/ifup), so eth0 moves to its new address.
     */
    @Test
    @Order(5)
    void updateModeRendersAndAppliesAChangedConfig() throws Exception {
        m.write("/etc/cloud/cloud.cfg.d/95-e2e-network.cfg", """
                network:
                  version: 2
                  ethernets:
                    eth0:
                      addresses: [192.0.2.20/24]
                """);
        // the namespace keeps what earlier boots set: start from an unconfigured eth0, then bring the
        // current (datasource) config up
        List<Machine.Result> r = m.boot("ip addr flush dev eth0 && ifup eth0", "/usr/bin/nubis modules --mode update",
                "ip addr show dev eth0");
        assertEquals(0, r.get(0).code(), r.get(0).out());
        assertEquals(0, r.get(1).code(), r.get(1).out());
        assertTrue(m.read(eniPath()).contains("192.0.2.20"), m.read(eniPath()));
        assertFalse(m.read(eniPath()).contains("bond0"), m.read(eniPath()));
        assertTrue(r.get(2).out().contains("inet 192.0.2.20/24"), r.get(2).out());
        assertFalse(r.get(2).out().contains("inet 192.0.2.10/24"), r.get(2).out());
        String log = m.read("/var/log/cloud-init.log");
        assertTrue(log.contains("applied with the eni renderer"), log);
    }
}
