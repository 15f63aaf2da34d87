package io.nubis.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The debian tarball booted in a Debian bookworm minbase root (shadow tools, sudoers). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebianBootTest extends BootScenarios {
    @BeforeAll
    void buildRoot() {
        Machine.assumeCanBoot();
        Path cached = Path.of(System.getenv().getOrDefault("NUBIS_ROOT_CACHE", "/var/cache/nubis-test-roots"), "debian-bookworm-minbase.tar.gz");
        assumeTrue(Files.isRegularFile(cached) || Files.isExecutable(Path.of("/usr/sbin/debootstrap")),
                "the Debian root needs debootstrap (apt-get install debootstrap) or a cached " + cached);
        m = Machine.build("debian-root.sh", "debian", "debian");
    }

    @Override
    String privilegeConfig() {
        return "    sudo: ALL=(ALL) NOPASSWD:ALL\n";
    }

    @Override
    void assertPrivilege() throws Exception {
        assertPrivilegeFile("alice ALL=(ALL) NOPASSWD:ALL", "/etc/sudoers.d");
    }
}
