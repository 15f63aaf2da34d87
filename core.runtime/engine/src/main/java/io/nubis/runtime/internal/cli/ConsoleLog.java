package io.nubis.runtime.internal.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

import io.nubis.runtime.internal.UtcDate;

/**
 * Console messages of the non-stage commands in the reference's console log format,
 * {@code 2024-01-31 12:00:00,123 - query.py[ERROR]: message} (UTC), written to the command's
 * error stream. The reference's commands log these through Python logging to stderr only (they
 * open no log file), and users see the reference module name, which is kept here.
 */
public final class ConsoleLog {
    private final PrintStream err;
    private final String file;
    private final LongSupplier clock;

    /**
     * @param err  the command's error stream
     * @param file the reference module the messages are attributed to ({@code query.py})
     */
    public ConsoleLog(PrintStream err, String file) {
        this(err, file, System::currentTimeMillis);
    }

    ConsoleLog(PrintStream err, String file, LongSupplier clock) {
        this.err = err;
        this.file = file;
        this.clock = clock;
    }

    /** An ERROR record. */
    public void error(String message) {
        log("ERROR", message);
    }

    /** A WARNING record. */
    public void warning(String message) {
        log("WARNING", message);
    }

    private void log(String level, String message) {
        StringBuilder sb = new StringBuilder(64 + message.length());
        timestamp(sb, clock.getAsLong());
        sb.append(" - ").append(file).append('[').append(level).append("]: ").append(message);
        err.println(sb);
        err.flush();
    }

    static void timestamp(StringBuilder sb, long millis) {
        UtcDate d = UtcDate.of(Math.floorDiv(millis, 1000L));
        int secOfDay = d.secOfDay();
        sb.append(d.year()).append('-');
        pad(sb, d.month(), 2).append('-');
        pad(sb, d.day(), 2).append(' ');
        pad(sb, secOfDay / 3600, 2).append(':');
        pad(sb, secOfDay / 60 % 60, 2).append(':');
        pad(sb, secOfDay % 60, 2).append(',');
        pad(sb, (int) Math.floorMod(millis, 1000L), 3);
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
