package io.nubis.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

import io.nubis.api.logging.LogLevel;
import io.nubis.api.logging.LogMarkers;
import io.nubis.api.logging.LogOutput;
import io.nubis.api.logging.LogRecord;

/** Through the public SLF4J API and {@link LogOutput}: the only test that uses the shared sink. */
class ProviderTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        LogOutput.close();
        LogOutput.consoleStream(null);
        LogOutput.consoleLevel(LogLevel.WARNING);
        LogOutput.fileLevel(LogLevel.DEBUG);
    }

    private static List<String> messages(Path file) throws Exception {
        return Files.readAllLines(file).stream().map(l -> l.substring(l.indexOf(" - ") + 3)).toList();
    }

    @Test
    void slf4jFindsTheNubisProviderAndWritesTheReferenceFormat() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LogOutput.consoleStream(new PrintStream(err, true, StandardCharsets.UTF_8));
        Logger log = LoggerFactory.getLogger("io.nubis.runtime.internal.exec.ExecRunner");
        assertInstanceOf(NubisLogger.class, log);
        List<LogRecord> warnings = new ArrayList<>();
        LogOutput.addListener(warnings::add);
        try {
            log.debug("Running command {} with {} args", "useradd", 3);
            log.warn(LogMarkers.DEPRECATED, "key {} is deprecated", "ssh_authorized_keys");
            log.error(MarkerFactory.getMarker("CRITICAL"), "fatal");
            log.atInfo().addKeyValue("k", "v").log("fluent {}", 1);
            log.atWarn().addMarker(LogMarkers.DEPRECATED).log("fluent deprecated");
            log.info("with trace", new IllegalArgumentException("bad"));
            Path file = dir.resolve("cloud-init.log");
            LogOutput.logFile(file);
            assertEquals(Path.of(file.toString()), LogOutput.currentLogFile().orElseThrow());
            List<String> m = messages(file);
            assertEquals("ExecRunner[DEBUG]: Running command useradd with 3 args", m.get(0));
            assertEquals("ExecRunner[DEPRECATED]: key ssh_authorized_keys is deprecated", m.get(1));
            assertEquals("ExecRunner[CRITICAL]: fatal", m.get(2));
            assertEquals("ExecRunner[INFO]: fluent 1 k=v", m.get(3));
            assertEquals("ExecRunner[DEPRECATED]: fluent deprecated", m.get(4));
            assertEquals("ExecRunner[INFO]: with trace", m.get(5));
            assertEquals("java.lang.IllegalArgumentException: bad", Files.readAllLines(file).get(6));
            assertEquals(List.of("key ssh_authorized_keys is deprecated", "fatal", "fluent deprecated"),
                    warnings.stream().map(LogRecord::message).toList());
            String console = err.toString(StandardCharsets.UTF_8);
            assertEquals(3, console.lines().count(), console);
            assertTrue(console.contains(" - ExecRunner[CRITICAL]: fatal\n"), console);
        } finally {
            LogOutput.removeListener(warnings::add);
        }
    }
}
