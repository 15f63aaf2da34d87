package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The alpine tarball booted in an Alpine-like root (busybox, OpenRC files, doas, mdev), also through its OpenRC service. */
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

    @Override
    void assertPrivilege() throws Exception {
        assertPrivilegeFile("permit nopass alice as root", "/etc/doas.conf", "/etc/doas.d");
    }

    @Test
    @Order(8)
    void openRcServiceRunsTheBoot() throws Exception {
        Machine.Result r = m.boot1("openrc sysinit >/dev/null 2>&1; /sbin/openrc-run /etc/init.d/nubis start && test -f /run/cloud-init/result.json");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("Running nubis --all-stages"), r.out());
    }

    @Test
    @Order(9)
    void openRcServiceHonoursTheMarkerFile() throws Exception {
        m.write("/etc/cloud/cloud-init.disabled", "");
        try {
            Machine.Result r = m.boot1("openrc sysinit >/dev/null 2>&1; /sbin/openrc-run /etc/init.d/nubis start; echo rc=$?; ls /run/cloud-init 2>&1");
            assertTrue(r.out().contains("nubis disabled by /etc/cloud/cloud-init.disabled"), r.out());
            assertTrue(r.out().contains("rc=1"), r.out());
            assertFalse(r.out().contains("result.json"), r.out());
        } finally {
            m.delete("/etc/cloud/cloud-init.disabled");
        }
    }
}
