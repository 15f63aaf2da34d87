package io.nubis.adapter.networkmanager.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KeyFileTest {
    @Test
    void sectionsAndKeysKeepTheirFirstPlace() {
        KeyFile f = new KeyFile();
        f.set("connection", "id", "x");
        f.set("ipv4", "method", "disabled");
        f.set("connection", "type", "ethernet");
        f.setDefault("connection", "id", "ignored");
        f.set("ipv4", "method", "manual");
        f.reset("ethernet");
        f.set("ethernet", "mtu", "1400");
        f.reset("ethernet");
        assertEquals("# h\n\n[connection]\nid=x\ntype=ethernet\n\n[ipv4]\nmethod=manual\n\n[ethernet]\n\n", f.render("# h\n\n"));
        assertFalse(f.has("ethernet", "mtu"));
    }
}
