package io.nubis.runtime.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.testing.Files2;

class ToolPathsTest {
    @TempDir
    Path root;

    @Test
    void withoutADistroLayoutTheReferencePathsAreUsed() throws Exception {
        ToolPaths p = ToolPaths.lookup(new PluginCatalog(null), new ChrootTarget(root, false));
        assertEquals(ToolPaths.LINUX, p);
        assertEquals("/run/cloud-init/status.json", p.run("status.json"));
        assertEquals("/var/lib/cloud/instance/user-data.txt", p.instance("user-data.txt"));
        assertEquals("/etc/cloud/cloud-init.disabled", p.disabledFile());
    }

    @Test
    void osIdComesFromOsRelease() throws Exception {
        ChrootTarget t = new ChrootTarget(root, false);
        assertEquals(Optional.empty(), ToolPaths.osId(t));
        Files2.write(root, "/etc/os-release", "NAME=\"Alpine Linux\"\nID=\"alpine\"\nVERSION_ID=3.20.0\n");
        assertEquals(Optional.of("alpine"), ToolPaths.osId(t));
    }
}
