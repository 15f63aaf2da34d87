package io.nubis.runtime.internal.ds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.datasource.CrawledData;
import io.nubis.runtime.internal.target.ChrootTarget;

class CrawlCacheTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEverythingIncludingBinaryValues() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        Map<String, Object> md = new LinkedHashMap<>();
        md.put("instance-id", "i-1");
        md.put("blob", new byte[] {0, 1, 2, (byte) 255});
        md.put("keys", List.of("ssh-ed25519 AAAA"));
        CrawledData d = new CrawledData("NoCloud", "seed-dir (/x)", md, "#cloud-config\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {1}, null, Map.of("version", 2), "local");
        CrawlCache.write(t, "/var/lib/cloud/instances/i-1/obj.json", d, "local");
        assertEquals(0600, t.mode("/var/lib/cloud/instances/i-1/obj.json"));
        CrawledData back = CrawlCache.read(t, "/var/lib/cloud/instances/i-1/obj.json").orElseThrow();
        assertEquals("NoCloud", back.dsName());
        assertEquals("seed-dir (/x)", back.subplatform());
        assertEquals("local", back.dsmode());
        assertEquals("i-1", back.instanceId());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, (byte[]) back.metadata().get("blob"));
        assertEquals(List.of("ssh-ed25519 AAAA"), back.metadata().get("keys"));
        assertArrayEquals(d.userData(), back.userData());
        assertArrayEquals(new byte[] {1}, back.vendorData());
        assertEquals(null, back.vendorData2());
        assertEquals(Map.of("version", 2L), back.networkConfig());
    }

    @Test
    void refusesOtherFormats() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        t.writeString("/c.json", "{\"version\": 9, \"ds_name\": \"x\"}", null);
        IOException e = assertThrows(IOException.class, () -> CrawlCache.read(t, "/c.json"));
        assertEquals("/c.json: not a datasource cache of version 1", e.getMessage());
        assertEquals(java.util.Optional.empty(), CrawlCache.read(t, "/missing.json"));
    }
}
