package io.nubis.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLevelTest {
    @Test
    void parsesPythonAndSlf4jSpellingsAndNumbers() {
        assertEquals(LogLevel.WARNING, LogLevel.parse("warn"));
        assertEquals(LogLevel.WARNING, LogLevel.parse(" WARNING "));
        assertEquals(LogLevel.CRITICAL, LogLevel.parse("fatal"));
        assertEquals(LogLevel.DEPRECATED, LogLevel.parse("35"));
        assertEquals(LogLevel.DEBUG, LogLevel.parse("Debug"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogLevel.parse("loud"));
        assertTrue(e.getMessage().startsWith("unknown log level 'loud'"));
    }

    @Test
    void valuesAreThePythonNumbers() {
        assertEquals(10, LogLevel.DEBUG.value());
        assertEquals(30, LogLevel.WARNING.value());
        assertEquals(50, LogLevel.CRITICAL.value());
        assertTrue(LogLevel.DEPRECATED.atLeast(LogLevel.WARNING));
    }
}
