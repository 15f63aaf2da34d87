package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The alpine tarball booted in an Alpine-like root (busybox, OpenRC files, doas, mdev), also through its OpenRC services. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlpineBootTest extends BootScenarios {
    @BeforeAll
    void buildRoot() {
        Machine.assumeCanBoot();
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "the Alpine-like root needs busybox-static (apt-get install busybox-static)");
        m = Machine.build("alpine-root.sh", "alpine", "alpine");
    }

    @Override
    String privilegeConfig() {
        return "    doas:\n      - permit nopass alice as root\n";
    }

    /** mdev's: no INTERFACE, the name in MDEV. */
    @Override
    String hookEnvironment() {
        return "ACTION=add DEVPATH=/devices/virtual/net/eth1 MDEV=eth1 SUBSYSTEM=net";
    }

    @Override
    void assertPrivilege() throws Exception {
        assertPrivilegeFile("permit nopass alice as root", "/etc/doas.conf", "/etc/doas.d");
    }

    static final String RC = "/sbin/openrc-run /etc/init.d/";

    /**
     * The paced boot: the nubis service starts the one process, then each stage service (started in
     * boot order, as OpenRC would) lets it run its stage and returns that stage's result.
     */
    @Test
    @Order(8)
    void openRcServicesPaceTheStages() throws Exception {
        m.seed("iid-e2e-openrc", "#cloud-config\nbootcmd:\n  - echo boot > /var/e2e/openrc-bootcmd\n"
                + "runcmd:\n  - [sh, -c, 'exit 3']\n");
        List<Machine.Result> r = m.boot("openrc sysinit >/dev/null 2>&1; " + RC + "nubis start",
                RC + "cloud-init-local start",
                "sleep 2; cat /run/cloud-init/status.json",
                RC + "nubis status; test ! -e /var/e2e/openrc-bootcmd",
                RC + "cloud-init start",
                "cat /run/cloud-init/status.json",
                RC + "cloud-config start",
                RC + "cloud-final start",
                "cat /run/cloud-init/result.json");
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 6}) {
            assertEquals(0, r.get(i).code(), i + ": " + r.get(i).out());
        }
        assertTrue(r.get(1).out().contains("cloud-init local stage"), r.get(1).out());
        JsonNode afterLocal = JSON.readTree(r.get(2).out()).path("v1");
        assertTrue(afterLocal.path("init-local").path("finished").isNumber(), afterLocal.toString());
        assertTrue(afterLocal.path("init").path("start").isNull(), "the network stage waits for its service: " + afterLocal);
        assertTrue(r.get(3).out().contains("started"), "the process still waits: " + r.get(3).out());
        JsonNode afterNetwork = JSON.readTree(r.get(5).out()).path("v1");
        assertTrue(afterNetwork.path("init").path("finished").isNumber(), afterNetwork.toString());
        assertTrue(afterNetwork.path("modules-config").path("start").isNull(), afterNetwork.toString());
        assertEquals("boot\n", m.read("/var/e2e/openrc-bootcmd"));
        // runcmd fails in the final stage: its service fails with it
        assertEquals(1, r.get(7).code(), r.get(7).out());
        assertTrue(r.get(7).out().contains("cloud-init final stage had errors"), r.get(7).out());
        JsonNode result = JSON.readTree(r.get(8).out());
        assertEquals(1, result.path("v1").path("errors").size(), result.toString());
    }

    @Test
    @Order(9)
    void openRcServiceHonoursTheMarkerFile() throws Exception {
        m.write("/etc/cloud/cloud-init.disabled", "");
        try {
            List<Machine.Result> boot = m.boot("openrc sysinit >/dev/null 2>&1; " + RC + "nubis start; echo rc=$?; ls /run/cloud-init 2>&1",
                    RC + "cloud-init-local start");
            Machine.Result r = boot.get(0);
            assertTrue(r.out().contains("nubis disabled by /etc/cloud/cloud-init.disabled"), r.out());
            assertTrue(r.out().contains("rc=1"), r.out());
            assertFalse(r.out().contains("result.json"), r.out());
            Machine.Result stage = boot.get(1);
            assertEquals(0, stage.code(), stage.out());
            assertTrue(stage.out().contains("cloud-init-local is disabled via cloud-init.disabled file"), stage.out());
        } finally {
            m.delete("/etc/cloud/cloud-init.disabled");
        }
    }
}
