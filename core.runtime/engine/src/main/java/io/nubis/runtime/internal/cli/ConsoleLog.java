package io.nubis.runtime.internal.cli;

import java.io.PrintStream;
import java.util.function.LongSupplier;

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
        long secs = Math.floorDiv(millis, 1000L);
        long days = Math.floorDiv(secs, 86_400L);
        int secOfDay = (int) Math.floorMod(secs, 86_400L);
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        sb.append(year).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2).append(' ');
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
