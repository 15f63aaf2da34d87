package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CmdlineSeedTest {
    private static Optional<Map<String, Object>> parse(String cmdline) {
        return CmdlineSeed.parse(Arrays.asList(cmdline.split(" ")));
    }

    @Test
    void bareNocloudIsLocal() {
        assertEquals(Map.of("dsmode", "local"), parse("root=/dev/vda1 ro ds=nocloud quiet").orElseThrow());
    }

    @Test
    void bareNocloudNetIsNet() {
        assertEquals(Map.of("dsmode", "net"), parse("ro ds=nocloud-net").orElseThrow());
    }

    @Test
    void shortKeysAreExpanded() {
        Map<String, Object> md = parse("ds=nocloud;i=iid-01;h=myhost;s=/srv/seed/").orElseThrow();
        assertEquals(Map.of("instance-id", "iid-01", "local-hostname", "myhost", "seedfrom", "/srv/seed/",
                "dsmode", "local"), md);
    }

    @Test
    void longSeedfromKeyAndHttpMakeNet() {
        Map<String, Object> md = parse("ds=nocloud;seedfrom=http://10.0.0.1:8000/a=b/").orElseThrow();
        assertEquals(Map.of("seedfrom", "http://10.0.0.1:8000/a=b/", "dsmode", "net"), md);
    }

    @Test
    void nocloudNetWithFileSeedIsLocal() {
        assertEquals("local", parse("ds=nocloud-net;s=file:///srv/").orElseThrow().get("dsmode"));
    }

    @Test
    void explicitDsmodeWins() {
        assertEquals("local", parse("ds=nocloud;s=https://x/;dsmode=local").orElseThrow().get("dsmode"));
    }

    @Test
    void unknownSchemeLeavesDsmodeUnset() {
        Map<String, Object> md = parse("ds=nocloud;s=gopher://x/").orElseThrow();
        assertEquals(Map.of("seedfrom", "gopher://x/"), md);
    }

    @Test
    void keyWithoutValueIsNullAndEmptyItemsAreSkipped() {
        Map<String, Object> expected = new HashMap<>();
        expected.put("flag", null);
        expected.put("instance-id", null);
        expected.put("dsmode", "local");
        assertEquals(expected, parse("ds=nocloud;;flag;i").orElseThrow());
    }

    @Test
    void otherDsValuesDoNotMatch() {
        assertTrue(parse("ds=nocloudx ds=ec2 nocloud").isEmpty());
        assertTrue(parse("xds=nocloud").isEmpty());
    }

    @Test
    void lastMatchingWordWins() {
        assertEquals("b", parse("ds=nocloud;i=a ds=nocloud;i=b").orElseThrow().get("instance-id"));
    }

    @Test
    void nocloudIsPreferredOverNocloudNet() {
        assertEquals("x", parse("ds=nocloud-net;i=y ds=nocloud;i=x").orElseThrow().get("instance-id"));
    }

    @Test
    void dmiSerialTextIsSplitOnWhitespace() {
        assertEquals(Map.of("instance-id", "serial-iid", "dsmode", "local"),
                CmdlineSeed.parse("  ds=nocloud;i=serial-iid \n").orElseThrow());
        assertTrue(CmdlineSeed.parse("VMware-56 4d").isEmpty());
    }
}
