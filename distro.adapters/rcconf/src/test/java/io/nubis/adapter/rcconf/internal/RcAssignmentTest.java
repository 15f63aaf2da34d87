package io.nubis.adapter.rcconf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RcAssignmentTest {

    @Test
    void readsTheThreeQuotingStyles() {
        assertEquals(new RcAssignment("ifconfig_em0", "DHCP", false, ""), RcAssignment.parse("ifconfig_em0=\"DHCP\""));
        assertEquals(new RcAssignment("ifconfig_em0", "inet 192.0.2.5/24", false, ""),
                RcAssignment.parse("ifconfig_em0='inet 192.0.2.5/24'"));
        assertEquals(new RcAssignment("defaultrouter", "192.0.2.1", false, ""),
                RcAssignment.parse("defaultrouter=192.0.2.1"));
        assertEquals(new RcAssignment("x", "", false, ""), RcAssignment.parse("x="));
    }

    @Test
    void keepsTheCommentAfterTheValue() {
        RcAssignment a = RcAssignment.parse("ifconfig_em0=\"DHCP\"\t# set by the installer");
        assertEquals("\t# set by the installer", a.tail());
        assertEquals("ifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0'\t# set by the installer",
                a.with("inet 192.0.2.5 netmask 255.255.255.0"));
    }

    @Test
    void ignoresLinesThatAreNoAssignment() {
        assertNull(RcAssignment.parse("# ifconfig_em0=\"DHCP\""));
        assertNull(RcAssignment.parse(""));
        assertNull(RcAssignment.parse("  ifconfig_em0=DHCP"));
        assertNull(RcAssignment.parse("if [ -r /etc/defaults/rc.conf ]; then"));
        assertNull(RcAssignment.parse("9x=1"));
    }

    @Test
    void valuesWithShellExpansionStayInDoubleQuotes() {
        RcAssignment a = RcAssignment.parse("cloned_interfaces=\"${cloned_interfaces} tap0\"");
        assertTrue(a.expands());
        assertEquals(List.of("${cloned_interfaces}", "tap0"), a.words());
        assertEquals("cloned_interfaces=\"${cloned_interfaces} tap0 lagg0\"",
                a.withWords(List.of("${cloned_interfaces}", "tap0", "lagg0")));
        RcAssignment plain = RcAssignment.parse("cloned_interfaces=\"tap0 tap1\"");
        assertFalse(plain.expands());
        assertEquals("cloned_interfaces='tap0 lagg0'", plain.withWords(List.of("tap0", "lagg0")));
    }

    @Test
    void escapedQuotesDoNotEndADoubleQuotedValue() {
        RcAssignment a = RcAssignment.parse("x=\"a \\\" b\" # c");
        assertEquals("a \\\" b", a.raw());
        assertEquals(" # c", a.tail());
        assertTrue(a.expands());
    }

    @Test
    void aLineThatIsNotOneWordIsKeptWholeForDoubleQuotes() {
        RcAssignment a = RcAssignment.parse("static_routes=\"net0\"; echo hi");
        assertEquals("\"net0\"; echo hi", a.raw());
        assertTrue(a.expands());
        assertEquals("", a.tail());
    }
}
