package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.datasource.DatasourceException;

class NoCloudSettingsTest {
    private static NoCloudSettings s(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new NoCloudSettings(m);
    }

    @Test
    void defaults() throws Exception {
        NoCloudSettings d = new NoCloudSettings(null);
        assertEquals(Duration.ofSeconds(10), d.timeout());
        assertEquals(10, d.retries());
        assertEquals("cidata", d.fsLabel());
        assertNull(d.seedfrom());
    }

    @Test
    void values() throws Exception {
        assertEquals(Duration.ofMillis(1500), s("timeout", 1.5).timeout());
        assertEquals(Duration.ofSeconds(3), s("timeout", "3").timeout());
        assertEquals(0, s("retries", 0).retries());
        assertEquals(4, s("retries", "4").retries());
        assertNull(s("fs_label", null).fsLabel());
        assertEquals("SEED", s("fs_label", "SEED").fsLabel());
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("datasource.NoCloud.timeout: expected seconds, got 'soon'",
                assertThrows(DatasourceException.class, () -> s("timeout", "soon").timeout()).getMessage());
        assertEquals("datasource.NoCloud.timeout: must be more than 0 and at most 600 seconds, got 0",
                assertThrows(DatasourceException.class, () -> s("timeout", 0).timeout()).getMessage());
        assertEquals("datasource.NoCloud.retries: must be between 0 and 100, got -1",
                assertThrows(DatasourceException.class, () -> s("retries", -1).retries()).getMessage());
        assertEquals("datasource.NoCloud.retries: expected an integer, got a list",
                assertThrows(DatasourceException.class, () -> s("retries", List.of(1)).retries()).getMessage());
        assertEquals("datasource.NoCloud.seedfrom: expected a string, got a mapping",
                assertThrows(DatasourceException.class, () -> s("seedfrom", Map.of()).seedfrom()).getMessage());
        assertEquals("datasource.NoCloud.fs_label: expected a label or null, got a number",
                assertThrows(DatasourceException.class, () -> s("fs_label", 3).fsLabel()).getMessage());
    }

    @Test
    void inlineSeed() throws Exception {
        SeedPart p = s("meta-data", "instance-id: cfg-1\n", "user-data", "#cloud-config\n",
                "network-config", Map.of("version", 2)).inlineSeed();
        assertEquals("ds_config", p.origin());
        assertEquals(Map.of("instance-id", "cfg-1"), p.metaData());
        assertEquals("#cloud-config\n", new String(p.userData()));
        assertNull(p.vendorData());
        assertEquals(Map.of("version", 2), p.networkConfig());
        assertEquals("datasource.NoCloud.user-data: expected a string, got a mapping",
                assertThrows(DatasourceException.class,
                        () -> s("meta-data", Map.of(), "user-data", Map.of()).inlineSeed()).getMessage());
        DatasourceException e = assertThrows(DatasourceException.class,
                () -> s("meta-data", "a: [", "user-data", "").inlineSeed());
        assertEquals(true, e.getMessage().startsWith("datasource.NoCloud.meta-data: line 1"), e.getMessage());
    }
}
