package io.nubis.runtime.internal.ds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.datasource.CrawledData;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.target.ChrootTarget;

class InstanceStoreTest {
    @TempDir
    Path dir;

    static CrawledData data(String iid) {
        return new CrawledData("NoCloud", "seed-dir (/s)", Map.of("instance-id", iid), new byte[0], null, null, null, "net");
    }

    @Test
    void reflectWritesTheInstanceBookkeeping() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        InstanceStore s = new InstanceStore(t, new CloudPaths("/var/lib/cloud", "/run/cloud-init"));
        assertEquals(Optional.empty(), s.currentInstanceId());
        assertEquals("NO_PREVIOUS_INSTANCE_ID", s.reflect(data("a/1"), "DataSourceNoCloud [seed=/s][dsmode=net]", "local"));
        assertEquals("/var/lib/cloud/instances/a_1", Files.readSymbolicLink(dir.resolve("var/lib/cloud/instance")).toString());
        for (String sub : new String[] {"handlers", "scripts", "sem"}) {
            assertTrue(Files.isDirectory(dir.resolve("var/lib/cloud/instances/a_1/" + sub)), sub);
        }
        assertEquals("a/1\n", Files.readString(dir.resolve("var/lib/cloud/data/instance-id")));
        assertEquals("a/1\n", Files.readString(dir.resolve("run/cloud-init/.instance-id")));
        assertEquals("NO_PREVIOUS_INSTANCE_ID\n", Files.readString(dir.resolve("var/lib/cloud/data/previous-instance-id")));
        assertEquals("DataSourceNoCloud: DataSourceNoCloud [seed=/s][dsmode=net]\n",
                Files.readString(dir.resolve("var/lib/cloud/instances/a_1/datasource")));
        assertEquals(Optional.of("a/1"), s.cachedCurrent().map(CrawledData::instanceId));

        assertEquals("a/1", s.reflect(data("b"), "DataSourceNoCloud [seed=/t][dsmode=net]", "network"));
        assertEquals("a/1\n", Files.readString(dir.resolve("var/lib/cloud/data/previous-instance-id")));
        assertEquals("/var/lib/cloud/instances/b", Files.readSymbolicLink(dir.resolve("var/lib/cloud/instance")).toString());
        assertEquals(Optional.of("b"), s.runInstanceId());
        // a cache file holding another instance is not used
        Files.copy(dir.resolve("var/lib/cloud/instances/b/obj.json"), dir.resolve("var/lib/cloud/instances/a_1/obj.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.empty(), s.cached("a/1"));
    }
}
