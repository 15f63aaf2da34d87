package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeedMergeTest {
    @Test
    void metaDataFirstWinsDeeplyAndDataLastWins() {
        SeedMerge m = new SeedMerge();
        m.add(SeedPart.metaOnly("cmdline", new LinkedHashMap<>(Map.of("instance-id", "cmd",
                "public-keys", Map.of("a", "1")))));
        m.add(new SeedPart("/seed", Map.of("instance-id", "seed", "local-hostname", "h",
                "public-keys", Map.of("a", "2", "b", "3")), "ud1".getBytes(), "vd1".getBytes(),
                Map.of("version", 2)));
        m.add(new SeedPart("/dev/sr0", Map.of("local-hostname", "other"), "ud2".getBytes(), null, null));
        assertEquals(Map.of("instance-id", "cmd", "local-hostname", "h",
                "public-keys", Map.of("a", "1", "b", "3")), m.metaData());
        assertArrayEquals("ud2".getBytes(), m.userData());
        assertArrayEquals("vd1".getBytes(), m.vendorData());
        assertEquals(Map.of("version", 2), m.networkConfig());
        assertEquals(List.of("cmdline", "/seed", "/dev/sr0"), m.found());
    }

    @Test
    void forceOverridesAndDefaultsFillGaps() {
        SeedMerge m = new SeedMerge();
        m.add(SeedPart.metaOnly("cmdline", Map.of("seedfrom", "/a/", "dsmode", "local")));
        m.force("seedfrom", "/b/");
        m.defaults(Map.of("instance-id", "nocloud", "dsmode", "net"));
        assertEquals(Map.of("seedfrom", "/b/", "dsmode", "local", "instance-id", "nocloud"), m.metaData());
    }
}
