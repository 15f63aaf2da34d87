package io.nubis.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The network scenarios in a Debian bookworm root with ifupdown, udev rules and the Debian tarball. */
class DebianNetworkTest extends NetworkScenarios {
    @Override
    String namespace() {
        return "nbe2edeb";
    }

    @Override
    Machine buildRoot() {
        Path cached = Path.of(System.getenv().getOrDefault("NUBIS_ROOT_CACHE", "/var/cache/nubis-test-roots"),
                "debian-bookworm-minbase.tar.gz");
        assumeTrue(Files.isRegularFile(cached) || Files.isExecutable(Path.of("/usr/sbin/debootstrap")),
                "the Debian root needs debootstrap (apt-get install debootstrap) or a cached " + cached);
        return Machine.build("debian-root.sh", "debian", "debian-net");
    }

    @Override
    String eniPath() {
        return "/etc/network/interfaces.d/50-cloud-init";
    }

    @Override
    String rulesPath() {
        return "/etc/udev/rules.d/70-persistent-net.rules";
    }

    @Override
    String hookEnvironment(String action) {
        return "ACTION=" + action + " DEVPATH=/devices/virtual/net/eth3 INTERFACE=eth3 SUBSYSTEM=net";
    }
}
