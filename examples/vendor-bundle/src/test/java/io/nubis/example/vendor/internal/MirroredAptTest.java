package io.nubis.example.vendor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.PackageSpec;

class MirroredAptTest {
    @Test
    void installGoesThroughTheMirrorWithPins() {
        var c = new MirroredApt().install(List.of(PackageSpec.of("curl"), new PackageSpec("jq", "1.6-2")));
        assertEquals(List.of("apt-get", "--option=Acquire::http::Proxy=" + MirroredApt.PROXY,
                "--option=Dpkg::Options::=--force-confold", "--assume-yes", "--quiet", "install", "curl", "jq=1.6-2"),
                c.argv());
        assertEquals("noninteractive", c.env().get("DEBIAN_FRONTEND"));
    }
}
