package io.nubis.runtime.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.target.ChrootTarget;

class FallbackNetworkTest {
    @TempDir
    Path root;

    private SysNet sys() throws Exception {
        return new SysNet(new ChrootTarget(root));
    }

    @Test
    void connectedBeforeDown_eth0First_naturalOrder_skipsLoVethBridgeBondVlanAndMacless() throws Exception {
        new FakeSys(root)
                .nic("lo", "00:00:00:00:00:00", "1", "unknown", null)
                .nic("veth1", "aa:00:00:00:00:01", "1", "up", null)
                .nic("br0", "aa:00:00:00:00:02", "1", "up", null).mark("br0", "bridge")
                .nic("bond0", "aa:00:00:00:00:03", "1", "up", null).mark("bond0", "bonding")
                .nic("eth1.10", "aa:00:00:00:00:04", "1", "up", null).mark("eth1.10", "DEVTYPE=vlan")
                .nic("ens10", "AA:00:00:00:00:05", "1", "up", "virtio_net")
                .nic("ens3", "aa:00:00:00:00:06", "1", "up", "virtio_net")
                .nic("eth0", "aa:00:00:00:00:07", "0", "down", "e1000")
                .nic("ens4", "aa:00:00:00:00:08", "0", "up", "e1000");
        assertEquals(List.of("ens3", "ens10", "eth0"), FallbackNetwork.candidates(sys()));
        Map<String, Object> cfg = FallbackNetwork.generate(sys()).orElseThrow();
        assertEquals(Map.of("version", 2, "ethernets", Map.of("ens3",
                Map.of("dhcp4", true, "set-name", "ens3", "match", Map.of("macaddress", "aa:00:00:00:00:06")))), cfg);
    }

    @Test
    void eth0LeadsItsGroup_hardwareBeforeVirtual() throws Exception {
        new FakeSys(root)
                .nic("dummy0", "aa:00:00:00:00:01", "1", "up", null)
                .nic("ens5", "aa:00:00:00:00:02", "1", "up", "ena")
                .nic("eth0", "aa:00:00:00:00:03", "1", "up", null);
        assertEquals(List.of("eth0", "ens5", "dummy0"), FallbackNetwork.candidates(sys()));
    }

    @Test
    void noSysfs_noFallback() throws Exception {
        assertTrue(FallbackNetwork.generate(sys()).isEmpty());
    }

    @Test
    void naturalKeyOrdersNumbersByValue() {
        List<String> names = new java.util.ArrayList<>(List.of("ens12", "ens3", "eth0", "ens10", "ens0", "ens8"));
        names.sort(java.util.Comparator.comparing(FallbackNetwork::naturalKey));
        assertEquals(List.of("ens0", "ens3", "ens8", "ens10", "ens12", "eth0"), names);
    }

    @Test
    void driverAndMacsAreRead() throws Exception {
        new FakeSys(root).nic("ens3", "AA:BB:CC:00:00:01", "1", "up", "virtio_net");
        SysNet s = sys();
        assertEquals("virtio_net", s.driver("ens3").orElseThrow());
        assertEquals(Map.of("aa:bb:cc:00:00:01", "ens3"), s.macToName());
        assertTrue(s.driver("../etc").isEmpty());
    }
}
