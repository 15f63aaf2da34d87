package io.nubis.adapter.networkmanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class ConnectionUuidTest {
    @Test
    void theReferencesUuidsOfInterfaceNames() {
        assertEquals("1dd9a779-d327-56e1-8454-c65e2556c12c", ConnectionUuid.of("eth0").toString());
        assertEquals("3c50eb47-7260-5a6d-801d-bd4f587d6b58", ConnectionUuid.of("eth1").toString());
        assertEquals("54317911-f840-516b-a10d-82cb4c1f075c", ConnectionUuid.of("bond0").toString());
    }

    @Test
    void version5OfTheDnsNamespace() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        UUID u = ConnectionUuid.v5(dns, "python.org");
        assertEquals("886313e1-3b8a-5372-9b90-0c9aee199e5d", u.toString());
        assertEquals(5, u.version());
        assertEquals(2, u.variant());
    }
}
