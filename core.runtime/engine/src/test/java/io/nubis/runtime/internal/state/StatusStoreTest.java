package io.nubis.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.target.ChrootTarget;

class StatusStoreTest {
    @TempDir
    Path dir;

    @Test
    void writesTheV1DocumentBeforeAndAfterAStage() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        StatusStore s = new StatusStore(t, new CloudPaths("/var/lib/cloud/", "/run/cloud-init"));
        s.begin("init-local", 4.5);
        assertEquals("{\n \"v1\": {\n  \"datasource\": null,\n  \"init\": {\n   \"errors\": [],\n   \"finished\": null,\n"
                + "   \"recoverable_errors\": {},\n   \"start\": null\n  },\n  \"init-local\": {\n   \"errors\": [],\n"
                + "   \"finished\": null,\n   \"recoverable_errors\": {},\n   \"start\": 4.5\n  },\n"
                + "  \"modules-config\": {\n   \"errors\": [],\n   \"finished\": null,\n   \"recoverable_errors\": {},\n"
                + "   \"start\": null\n  },\n  \"modules-final\": {\n   \"errors\": [],\n   \"finished\": null,\n"
                + "   \"recoverable_errors\": {},\n   \"start\": null\n  },\n  \"stage\": \"init-local\"\n }\n}",
                Files.readString(dir.resolve("var/lib/cloud/data/status.json")));
        assertEquals("../../var/lib/cloud/data/status.json",
                Files.readSymbolicLink(dir.resolve("run/cloud-init/status.json")).toString());
        assertEquals(1, s.finish("init-local", 5.0, List.of("boom"), "DataSourceNone",
                Map.of("WARNING", List.of("w1"))));
        Map<String, Object> v1 = v1(t);
        assertEquals("DataSourceNone", v1.get("datasource"));
        assertEquals(null, v1.get("stage"));
        assertEquals(Map.of("errors", List.of("boom"), "recoverable_errors", Map.of("WARNING", List.of("w1")),
                "start", 4.5, "finished", 5.0), v1.get("init-local"));
        assertFalse(Files.exists(dir.resolve("var/lib/cloud/data/result.json")));
    }

    @Test
    void laterStagesContinueTheFileAndTheFinalStageWritesResult() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        CloudPaths p = new CloudPaths("/var/lib/cloud", "/run/cloud-init");
        StatusStore s = new StatusStore(t, p);
        s.begin("init-local", 1);
        s.finish("init-local", 2, List.of("e1"), "DS", Map.of());
        s = new StatusStore(t, p);
        s.begin("modules-final", 3);
        s.finish("modules-final", 4, List.of("e2"), null, Map.of("ERROR", List.of("x")));
        s = new StatusStore(t, p);
        s.begin("modules-final", 5);
        s.finish("modules-final", 6, List.of(), null, Map.of("ERROR", List.of("x", "y")));
        assertEquals("{\n \"v1\": {\n  \"datasource\": \"DS\",\n  \"errors\": [\n   \"e1\",\n   \"e2\"\n  ]\n }\n}",
                Files.readString(dir.resolve("var/lib/cloud/data/result.json")));
        assertEquals("../../var/lib/cloud/data/result.json",
                Files.readSymbolicLink(dir.resolve("run/cloud-init/result.json")).toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> fin = (Map<String, Object>) v1(t).get("modules-final");
        assertEquals(Map.of("ERROR", List.of("x", "y")), fin.get("recoverable_errors"));
        // a new boot's init-local starts from scratch and removes the old result
        new StatusStore(t, p).begin("init-local", 1);
        assertFalse(Files.exists(dir.resolve("var/lib/cloud/data/result.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dir.resolve("run/cloud-init/result.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals(null, v1(t).get("datasource"));
    }

    @Test
    void aBrokenStatusFileIsReplaced() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        t.writeString("/var/lib/cloud/data/status.json", "{not json", null);
        StatusStore s = new StatusStore(t, new CloudPaths("/var/lib/cloud", "/run/cloud-init"));
        s.begin("init", 1);
        assertTrue(v1(t).containsKey("modules-final"));
        assertEquals("init", v1(t).get("stage"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> v1(ChrootTarget t) throws Exception {
        return (Map<String, Object>) JsonFiles.readObject(t, "/var/lib/cloud/data/status.json").orElseThrow().get("v1");
    }
}
