package io.nubis.netconfig.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Address text is parsed by hand, as Python's ipaddress module accepts it. */
class IpTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "255.255.255.255", "192.168.1.10"})
    void validIpv4(String s) {
        assertTrue(IpText.isIpv4(s));
        assertFalse(IpText.isIpv6(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.1.2", "256.0.0.1", "010.0.0.1", "1.2.3.-4", "1.2.3.4 ", "a.b.c.d",
            "1..2.3", "1.2.3.4/24", "example.com", "\u0661.2.3.4"})
    void invalidIpv4(String s) {
        assertFalse(IpText.isIpv4(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::", "::1", "2001:db8::1", "2001:DB8:0:0:0:0:0:1", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::", "::ffff:192.0.2.1", "64:ff9b::10.0.0.1", "1::"})
    void validIpv6(String s) {
        assertTrue(IpText.isIpv6(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::2::3", "12345::1", "g::1",
            ":1::2", "1::2:", "::ffff:300.0.0.1", "fe80::1%eth0", "2001:db8::/64", "1:2:3:4:5:6:7:8::"})
    void invalidIpv6(String s) {
        assertFalse(IpText.isIpv6(s));
    }

    @Test
    void zoneIndexOnlyWhereAGatewayOrNameServerMayHaveOne() {
        assertTrue(IpText.isIp("fe80::1%eth0"));
        assertFalse(IpText.isIp("fe80::1%"));
        assertFalse(IpText.isIpv6("fe80::1%eth0"));
    }

    @Test
    void groupsOfIpv6() {
        assertArrayEquals(new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0xc000, 0x0201}, IpText.ipv6("2001:db8::192.0.2.1"));
    }

    @ParameterizedTest
    @CsvSource({"255.255.255.0,24", "255.255.255.255,32", "0.0.0.0,0", "255.255.240.0,20", "128.0.0.0,1",
            "255.0.255.0,-1", "255.255.255.1,-1", "0.255.255.255,-1"})
    void ipv4Netmasks(String mask, int prefix) {
        assertEquals(prefix, IpText.ipv4MaskPrefix(mask));
        if (prefix >= 0) {
            assertEquals(mask, IpText.ipv4Mask(prefix));
        }
    }

    @ParameterizedTest
    @CsvSource({"'ffff:ffff:ffff:ffff::',64", "'::',0", "'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',128",
            "'ffff:fffe::',31", "'ffff::ffff',-1"})
    void ipv6Netmasks(String mask, int prefix) {
        assertEquals(prefix, IpText.ipv6MaskPrefix(mask));
    }

    @Test
    void macAddresses() {
        assertEquals("aa:bb:cc:dd:ee:ff", IpText.mac("AA:BB:CC:DD:EE:FF"));
        assertEquals("aa:bb:cc:dd:ee:ff", IpText.mac("aa-bb-cc-dd-ee-ff"));
        assertEquals(59, IpText.mac("a0:00:02:20:fe:80:00:00:00:00:00:00:ec:0d:9a:03:00:15:e2:c1").length());
        assertNull(IpText.mac("aa:bb:cc:dd:ee"));
        assertNull(IpText.mac("aa:bb:cc:dd:ee:f"));
        assertNull(IpText.mac("aa:bb:cc:dd:ee:fg"));
        assertNull(IpText.mac("aabb.ccdd.eeff"));
    }

    @Test
    void prefixDigits() {
        assertEquals(24, IpText.prefixDigits("24", 32));
        assertEquals(24, IpText.prefixDigits("024", 32));
        assertEquals(-1, IpText.prefixDigits("33", 32));
        assertEquals(-1, IpText.prefixDigits("+1", 32));
        assertEquals(-1, IpText.prefixDigits("", 32));
    }
}
