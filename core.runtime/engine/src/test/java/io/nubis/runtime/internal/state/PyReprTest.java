package io.nubis.runtime.internal.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.nubis.api.module.ModuleException;

class PyReprTest {
    @Test
    void quotesAsPython() {
        assertEquals("'plain'", PyRepr.str("plain"));
        assertEquals("\"it's\"", PyRepr.str("it's"));
        assertEquals("'both \\' and \"'", PyRepr.str("both ' and \""));
        assertEquals("'a\\\\b\\nc\\x01'", PyRepr.str("a\\b\nc\u0001"));
    }

    @Test
    void failureIsTheTupleString() {
        assertEquals("('runcmd', ModuleException('runcmd: expected a list'))",
                PyRepr.failure("runcmd", new ModuleException("runcmd: expected a list")));
        assertEquals("('x', IllegalStateException(''))", PyRepr.failure("x", new IllegalStateException()));
    }
}
