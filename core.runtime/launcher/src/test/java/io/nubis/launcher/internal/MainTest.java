package io.nubis.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void trainingArgumentsAreSplitIntoCommandLines() {
        List<String[]> c = Main.commands(new String[] {"--version", "::", "plugins", "::", "--root", "/r", "status"});
        assertEquals(3, c.size());
        assertArrayEquals(new String[] {"--version"}, c.get(0));
        assertArrayEquals(new String[] {"plugins"}, c.get(1));
        assertArrayEquals(new String[] {"--root", "/r", "status"}, c.get(2));
    }

    @Test
    void oneCommandLineWithoutSeparator() {
        List<String[]> c = Main.commands(new String[] {"--root", "/r", "status"});
        assertEquals(1, c.size());
        assertArrayEquals(new String[] {"--root", "/r", "status"}, c.get(0));
    }

    @Test
    void traceLineNamesPhaseAndTimes() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        StartupTrace.print(new PrintStream(buf, true, StandardCharsets.UTF_8), "framework started", 120, 35);
        assertEquals("nubis.trace    120 ms (+   35) framework started" + System.lineSeparator(),
                buf.toString(StandardCharsets.UTF_8));
    }
}
