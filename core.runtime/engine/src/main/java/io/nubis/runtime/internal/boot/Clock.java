package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Time as the reference reports it: uptime seconds (the first field of the running kernel's
 * {@code /proc/uptime}, as text and as a number) and wall-clock time, with the RFC 2822 form used
 * in banners and the final message.
 */
public interface Clock {
    /** RFC 2822 in UTC, as Python's {@code time.strftime("%a, %d %b %Y %H:%M:%S %z", time.gmtime())}. */
    DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Uptime as the kernel gives it ({@code 12.34}). */
    String uptimeText();

    /** Uptime in seconds. */
    default double uptime() {
        try {
            return Double.parseDouble(uptimeText());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The current time. */
    Instant now();

    /** Seconds since the epoch. */
    default double epochSeconds() {
        Instant n = now();
        return n.getEpochSecond() + n.getNano() / 1e9;
    }

    /** {@code Thu, 21 Nov 2024 16:29:00 +0000}. */
    default String rfc2822() {
        return RFC2822.format(now());
    }

    /** The host's clock: {@code /proc/uptime}, else the time since this JVM started. */
    static Clock system() {
        return new Clock() {
            private final long startNanos = System.nanoTime();

            @Override
            public String uptimeText() {
                try {
                    String s = new String(Files.readAllBytes(Path.of("/proc/uptime")), StandardCharsets.US_ASCII);
                    String first = s.strip().split("\\s+")[0];
                    if (!first.isEmpty()) {
                        return first;
                    }
                } catch (IOException | RuntimeException e) {
                    // no procfs (BSD): fall through
                }
                return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
            }

            @Override
            public Instant now() {
                return Instant.now();
            }
        };
    }
}
