package io.nubis.adapter.sysconfig.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShellVarsTest {
    @Test
    void sortedUnderTheHeaderWithBooleansAsYesNo() {
        ShellVars v = new ShellVars();
        v.put("STARTMODE", "auto");
        v.put("BONDING_MASTER", true);
        v.put("MTU", 9000);
        v.put("IPADDR1", "10.0.0.2");
        v.put("IPADDR", "10.0.0.1");
        v.put("USERCTL", false);
        assertEquals("# Created by cloud-init on instance boot automatically, do not edit.\n#\n"
                + "BONDING_MASTER=yes\nIPADDR=10.0.0.1\nIPADDR1=10.0.0.2\nMTU=9000\nSTARTMODE=auto\nUSERCTL=no\n",
                v.render());
    }

    @Test
    void valuesWithWhiteSpaceAreQuotedOnce() {
        assertEquals("\"mode=1 miimon=100\"", ShellVars.quote("mode=1 miimon=100"));
        assertEquals("\"already quoted\"", ShellVars.quote("\"already quoted\""));
        assertEquals("\"a\tb\"", ShellVars.quote("a\tb"));
        assertEquals("plain", ShellVars.quote("plain"));
        assertEquals("", ShellVars.quote(""));
    }

    @Test
    void anEmptyFileIsTheHeaderWithoutNewline() {
        assertEquals("# Created by cloud-init on instance boot automatically, do not edit.\n#", new ShellVars().render());
    }
}
