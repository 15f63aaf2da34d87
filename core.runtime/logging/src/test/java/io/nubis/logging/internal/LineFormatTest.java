package io.nubis.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.nubis.api.logging.LogLevel;

class LineFormatTest {
    private static final DateTimeFormatter REF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void lineHasTheReferenceFormat() {
        assertEquals("1970-01-01 00:00:00,000 - ExecRunner[DEBUG]: hello\n",
                LineFormat.line(0L, "ExecRunner", LogLevel.DEBUG, "hello", null));
        assertEquals("2024-02-29 23:59:59,999 - cc_users[WARNING]: a\nb\n",
                LineFormat.line(1_709_251_199_999L, "cc_users", LogLevel.WARNING, "a\nb", null));
        assertEquals("2001-09-09 01:46:40,000 - x[CRITICAL]: null\n",
                LineFormat.line(1_000_000_000_000L, "x", LogLevel.CRITICAL, null, null));
    }

    @Test
    void timestampMatchesJavaTimeInUtc() {
        long[] fixed = {0L, 1L, 999L, 86_399_999L, 951_782_400_000L /* 2000-02-29 */, 4_107_542_400_000L /* 2100-03-01 */,
            253_402_300_799_999L /* 9999-12-31 */};
        for (long t : fixed) {
            assertTimestamp(t);
        }
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            assertTimestamp(rnd.nextLong(0L, 253_402_300_799_999L));
        }
    }

    private static void assertTimestamp(long t) {
        StringBuilder sb = new StringBuilder();
        LineFormat.appendTimestamp(sb, t);
        assertEquals(REF.format(Instant.ofEpochMilli(t)), sb.toString(), "millis " + t);
    }

    @Test
    void filenameIsTheLastDottedSegment() {
        assertEquals("ExecRunner", LineFormat.filename("io.nubis.runtime.internal.exec.ExecRunner"));
        assertEquals("cc_ntp", LineFormat.filename("cc_ntp"));
        assertEquals("Outer$Inner", LineFormat.filename("a.Outer$Inner"));
        assertEquals("odd.", LineFormat.filename("odd."));
        assertEquals("root", LineFormat.filename(""));
    }

    @Test
    void throwableFollowsTheMessage() {
        String line = LineFormat.line(0L, "F", LogLevel.ERROR, "boom", new IllegalStateException("bad state"));
        assertTrue(line.startsWith("1970-01-01 00:00:00,000 - F[ERROR]: boom\njava.lang.IllegalStateException: bad state\n\tat "),
                line);
        assertTrue(line.endsWith("\n") && !line.endsWith("\n\n"), line);
    }
}
