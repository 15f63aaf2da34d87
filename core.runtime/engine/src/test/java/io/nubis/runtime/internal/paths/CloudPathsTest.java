package io.nubis.runtime.internal.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.state.Links;

class CloudPathsTest {
    @Test
    void referenceLayout() {
        CloudPaths p = new CloudPaths("/var/lib/cloud/", "/run/cloud-init//");
        assertEquals("/var/lib/cloud/instance", p.instanceLink());
        assertEquals("/var/lib/cloud/data/status.json", p.statusJson());
        assertEquals("/run/cloud-init/status.json", p.statusLink());
        assertEquals("/run/cloud-init/.instance-id", p.runInstanceId());
        assertEquals("/run/cloud-init/cloud-id-aws", p.cloudIdFile("aws"));
        assertEquals("/var/lib/cloud/scripts/per-boot", p.scriptsDir("per-boot"));
        CloudPaths.Instance i = p.instance("i-0a/b");
        assertEquals("/var/lib/cloud/instances/i-0a_b", i.dir());
        assertEquals("i-0a_b", i.name());
        assertEquals("/var/lib/cloud/instances/i-0a_b/user-data.txt.i", i.userData());
        assertEquals("/var/lib/cloud/instances/i-0a_b/vendor2-cloud-config.txt", i.vendor2CloudConfig());
        assertEquals("/var/lib/cloud/instances/i-0a_b/scripts/vendor", i.vendorScripts());
        assertEquals("/var/lib/cloud/instances/i-0a_b/obj.json", i.cache());
        assertEquals("../../var/lib/cloud/data/status.json", Links.relative(p.statusLink(), p.statusJson()));
        assertEquals("../../lib/cloud/data/result.json",
                Links.relative("/var/run/cloud-init/result.json", "/var/lib/cloud/data/result.json"));
    }

    @Test
    void refusesUnsafeInput() {
        assertThrows(IllegalArgumentException.class, () -> new CloudPaths("var/lib/cloud", "/run"));
        CloudPaths p = new CloudPaths("/var/lib/cloud", "/run/cloud-init");
        assertThrows(IllegalArgumentException.class, () -> p.instance(".."));
        assertThrows(IllegalArgumentException.class, () -> p.instance(""));
        assertEquals("/var/lib/cloud/instances/.._x", p.instance("../x").dir());
    }
}
