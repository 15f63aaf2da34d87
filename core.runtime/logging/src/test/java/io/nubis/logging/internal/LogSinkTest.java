package io.nubis.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.logging.LogLevel;
import io.nubis.api.logging.LogRecord;

class LogSinkTest {
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} - [^\\[]+\\[[A-Z]+\\]: .*");

    @TempDir
    Path dir;

    private LogSink sink;
    private ByteArrayOutputStream console;

    @BeforeEach
    void setUp() {
        sink = new LogSink();
        console = new ByteArrayOutputStream();
        sink.consoleStream(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        sink.close();
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static List<String> messages(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            assertTrue(LINE.matcher(l).matches(), l);
            out.add(l.substring(l.indexOf(" - ") + 3));
        }
        return out;
    }

    @Test
    void beforeConfigurationWarningsGoToStderrAndTheRestIsBuffered() throws Exception {
        sink.log("A", "x.A", LogLevel.DEBUG, "early debug", null);
        sink.log("A", "x.A", LogLevel.WARNING, "early warning", null);
        sink.log("B", "x.B", LogLevel.INFO, "early info", null);
        assertEquals(1, console().lines().count(), console());
        assertTrue(console().endsWith(" - A[WARNING]: early warning\n"), console());

        Path log = dir.resolve("var/log/cloud-init.log");
        sink.logFile(log);
        sink.log("C", "C", LogLevel.DEBUG, "late debug", null);
        assertEquals(List.of("A[DEBUG]: early debug", "A[WARNING]: early warning", "B[INFO]: early info",
                "C[DEBUG]: late debug"), messages(log));
        assertEquals(1, console().lines().count(), "debug and info never reach the console");
    }

    @Test
    void newLogFileIsCreated0640AndExistingOneLosesOtherBits() throws Exception {
        Path log = dir.resolve("new.log");
        sink.logFile(log);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));

        Path old = dir.resolve("old.log");
        Files.writeString(old, "previous line\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw-rw-"));
        sink.logFile(old);
        sink.log("A", "A", LogLevel.INFO, "appended", null);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(old)));
        List<String> lines = Files.readAllLines(old);
        assertEquals("previous line", lines.get(0));
        assertTrue(lines.get(1).endsWith(" - A[INFO]: appended"), lines.get(1));
    }

    @Test
    void levelsAreConfigurable() throws Exception {
        Path log = dir.resolve("l.log");
        sink.fileLevel(LogLevel.INFO);
        sink.consoleLevel(LogLevel.ERROR);
        sink.logFile(log);
        assertFalse(sink.enabled(LogLevel.DEBUG));
        sink.log("A", "A", LogLevel.DEBUG, "d", null);
        sink.log("A", "A", LogLevel.INFO, "i", null);
        sink.log("A", "A", LogLevel.WARNING, "w", null);
        sink.log("A", "A", LogLevel.CRITICAL, "c", null);
        assertEquals(List.of("A[INFO]: i", "A[WARNING]: w", "A[CRITICAL]: c"), messages(log));
        assertEquals(1, console().lines().count());
        assertTrue(console().endsWith("A[CRITICAL]: c\n"));

        sink.consoleLevel(null);
        sink.log("A", "A", LogLevel.ERROR, "quiet", null);
        assertEquals(1, console().lines().count(), "console off");

        sink.fileLevel(LogLevel.TRACE);
        sink.log("A", "A", LogLevel.TRACE, "t", null);
        assertEquals("A[TRACE]: t", messages(log).get(4));
    }

    @Test
    void listenersGetWarningsAndAboveAndCannotBreakLogging() throws Exception {
        List<LogRecord> got = new ArrayList<>();
        sink.addListener(r -> {
            throw new IllegalStateException("broken listener");
        });
        sink.addListener(got::add);
        sink.addListener(r -> sink.log("L", "L", LogLevel.WARNING, "from listener: " + r.message(), null));
        sink.log("A", "a.A", LogLevel.INFO, "info", null);
        sink.log("A", "a.A", LogLevel.WARNING, "warn", null);
        sink.log("A", "a.A", LogLevel.DEPRECATED, "old key", null);
        sink.log("A", "a.A", LogLevel.ERROR, "err", null);
        assertEquals(List.of("warn", "old key", "err"), got.stream().map(LogRecord::message).toList());
        assertEquals(List.of(LogLevel.WARNING, LogLevel.DEPRECATED, LogLevel.ERROR),
                got.stream().map(LogRecord::level).toList());
        assertEquals("a.A", got.get(0).loggerName());
        assertTrue(console().contains("L[WARNING]: from listener: warn\n"), "a listener may log, without recursion");
    }

    @Test
    void listenersAloneKeepWarningsEnabled() {
        sink.noFile();
        sink.consoleLevel(null);
        assertFalse(sink.enabled(LogLevel.CRITICAL));
        List<LogRecord> got = new ArrayList<>();
        sink.addListener(got::add);
        assertTrue(sink.enabled(LogLevel.WARNING));
        assertFalse(sink.enabled(LogLevel.INFO));
        sink.log("A", "A", LogLevel.WARNING, "w", null);
        assertEquals(1, got.size());
        sink.removeListener(got::add);
        assertTrue(sink.enabled(LogLevel.WARNING), "a different method reference is a different listener");
    }

    @Test
    void bufferIsBoundedAndSaysHowManyRecordsWereDropped() throws Exception {
        sink.consoleLevel(null);
        int n = LogSink.BUFFER_MAX_RECORDS + 7;
        for (int i = 0; i < n; i++) {
            sink.log("A", "A", LogLevel.DEBUG, "record " + i, null);
        }
        Path log = dir.resolve("b.log");
        sink.logFile(log);
        List<String> m = messages(log);
        assertEquals(LogSink.BUFFER_MAX_RECORDS + 1, m.size());
        assertEquals("logging[WARNING]: 7 earlier log records were dropped (start-up buffer full)", m.get(0));
        assertEquals("A[DEBUG]: record 7", m.get(1));
        assertEquals("A[DEBUG]: record " + (n - 1), m.get(m.size() - 1));
    }

    @Test
    void bufferIsBoundedInSizeToo() throws Exception {
        sink.consoleLevel(null);
        String big = "x".repeat(1024 * 1024);
        for (int i = 0; i < 6; i++) {
            sink.log("A", "A", LogLevel.DEBUG, i + big, null);
        }
        Path log = dir.resolve("big.log");
        sink.logFile(log);
        List<String> m = messages(log);
        assertEquals("logging[WARNING]: 3 earlier log records were dropped (start-up buffer full)", m.get(0));
        assertEquals(4, m.size());
        assertTrue(m.get(1).startsWith("A[DEBUG]: 3x"));
    }

    @Test
    void noFileDropsTheBufferAndDisablesDebug() throws Exception {
        sink.log("A", "A", LogLevel.DEBUG, "lost", null);
        sink.noFile();
        assertFalse(sink.enabled(LogLevel.DEBUG));
        assertTrue(sink.enabled(LogLevel.WARNING));
        Path log = dir.resolve("n.log");
        sink.logFile(log);
        sink.log("A", "A", LogLevel.INFO, "kept", null);
        assertEquals(List.of("A[INFO]: kept"), messages(log));
    }

    @Test
    void closeReturnsToBuffering() throws Exception {
        Path first = dir.resolve("1.log");
        Path second = dir.resolve("2.log");
        sink.logFile(first);
        sink.log("A", "A", LogLevel.INFO, "one", null);
        sink.flush();
        sink.close();
        sink.log("A", "A", LogLevel.INFO, "two", null);
        sink.logFile(second);
        assertEquals(List.of("A[INFO]: one"), messages(first));
        assertEquals(List.of("A[INFO]: two"), messages(second));
    }

    @Test
    void concurrentWritersNeverInterleaveLines() throws Exception {
        Path log = dir.resolve("c.log");
        sink.logFile(log);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    sink.log("T" + id, "T" + id, LogLevel.DEBUG, "message " + i + " " + "y".repeat(200), null);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        List<String> m = messages(log);
        assertEquals(2000, m.size());
        for (int t = 0; t < 4; t++) {
            String prefix = "T" + t + "[DEBUG]: message ";
            List<String> mine = m.stream().filter(s -> s.startsWith(prefix)).toList();
            assertEquals(500, mine.size());
            for (int i = 0; i < 500; i++) {
                assertEquals(prefix + i + " " + "y".repeat(200), mine.get(i));
            }
        }
    }
}
