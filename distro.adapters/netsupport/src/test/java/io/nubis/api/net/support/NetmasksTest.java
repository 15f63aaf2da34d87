package io.nubis.api.net.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NetmasksTest {
    @Test
    void netmasks() {
        assertEquals("0.0.0.0", Netmasks.ipv4(0));
        assertEquals("255.255.255.255", Netmasks.ipv4(32));
        assertEquals("255.255.240.0", Netmasks.ipv4(20));
        assertEquals("128.0.0.0", Netmasks.ipv4(1));
    }

    @Test
    void prefixesOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Netmasks.ipv4(33));
        assertThrows(IllegalArgumentException.class, () -> Netmasks.ipv4(-1));
    }
}
