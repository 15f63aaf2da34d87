package io.nubis.adapter.rcconf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResolvConfEditorTest {

    @Test
    void startsAnEmptyFile() {
        ResolvConfEditor r = new ResolvConfEditor("");
        r.addNameserver("192.0.2.53");
        r.addSearchDomain("example.com");
        r.addSearchDomain("example.net");
        assertEquals("nameserver 192.0.2.53\nsearch example.com example.net\n", r.text());
    }

    @Test
    void movesNameserversAndSearchToTheEndWhenSomethingIsAdded() {
        ResolvConfEditor r = new ResolvConfEditor("# by the installer\nnameserver 10.0.0.1 # isp\nsearch lan\n"
                + "options edns0\n");
        r.addNameserver("10.0.0.1");
        r.addNameserver("192.0.2.53");
        r.addSearchDomain("lan");
        r.addSearchDomain("example.com");
        assertEquals("# by the installer\noptions edns0\nnameserver 10.0.0.1\nnameserver 192.0.2.53\n"
                + "search lan example.com\n", r.text());
    }

    @Test
    void changesNothingWhenEverythingIsThere() {
        String text = "nameserver   10.0.0.1\nsearch lan  # home\n";
        ResolvConfEditor r = new ResolvConfEditor(text);
        r.addNameserver("10.0.0.1");
        r.addSearchDomain("lan");
        assertEquals(text, r.text());
    }

    @Test
    void keepsResolvConfLimits() {
        ResolvConfEditor r = new ResolvConfEditor("");
        for (int i = 1; i <= 4; i++) {
            r.addNameserver("192.0.2." + i);
        }
        for (int i = 1; i <= 7; i++) {
            r.addSearchDomain("d" + i + ".example");
        }
        assertEquals("nameserver 192.0.2.1\nnameserver 192.0.2.2\nnameserver 192.0.2.3\n"
                + "search d1.example d2.example d3.example d4.example d5.example d6.example\n", r.text());
        ResolvConfEditor longNames = new ResolvConfEditor("");
        longNames.addSearchDomain("a".repeat(200) + ".example");
        longNames.addSearchDomain("b".repeat(60) + ".example");
        assertEquals("search " + "a".repeat(200) + ".example\n", longNames.text());
    }
}
