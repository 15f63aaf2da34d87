package io.nubis.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class UtcDateTest {
    @Test
    void agreesWithJavaTimeAcrossLeapDaysCenturiesAndNegativeEpochs() {
        for (long s = -5_000_000_000L; s < 8_000_000_000L; s += 86_399L * 37) {
            ZonedDateTime z = Instant.ofEpochSecond(s).atZone(ZoneOffset.UTC);
            UtcDate d = UtcDate.of(s);
            String at = "epoch " + s;
            assertEquals(z.getYear(), d.year(), at);
            assertEquals(z.getMonthValue(), d.month(), at);
            assertEquals(z.getDayOfMonth(), d.day(), at);
            assertEquals(z.toLocalTime().toSecondOfDay(), d.secOfDay(), at);
            assertEquals((z.getDayOfWeek().getValue() + 3) % 7, d.dayOfWeek(), at); // Thursday = 0
        }
    }
}
