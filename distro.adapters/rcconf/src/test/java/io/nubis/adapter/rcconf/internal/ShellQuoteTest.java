package io.nubis.adapter.rcconf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's shlex.quote prints for the same strings. */
class ShellQuoteTest {

    @Test
    void quotesLikePythonsShlex() {
        assertEquals("DHCP", ShellQuote.quote("DHCP"));
        assertEquals("'inet 1.2.3.4 netmask 255.0.0.0'", ShellQuote.quote("inet 1.2.3.4 netmask 255.0.0.0"));
        assertEquals("''", ShellQuote.quote(""));
        assertEquals("'it'\"'\"'s'", ShellQuote.quote("it's"));
        assertEquals("fe80::1%em0", ShellQuote.quote("fe80::1%em0"));
        assertEquals("a=b,c:d@e+f%g/h.i-j_k", ShellQuote.quote("a=b,c:d@e+f%g/h.i-j_k"));
        assertEquals("'x$y'", ShellQuote.quote("x$y"));
    }
}
