package io.nubis.logging.internal;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.nubis.api.logging.LogLevel;

/**
 * The reference log line: {@code %(asctime)s - %(filename)s[%(levelname)s]: %(message)s} with
 * UTC {@code yyyy-MM-dd HH:mm:ss,SSS} timestamps. Formats by hand (no java.time, no
 * String.format): it runs on the start-up path.
 */
public final class LineFormat {
    private LineFormat() {
    }

    /** The {@code filename} part for a logger: the last dotted segment of its name. */
    public static String filename(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        int dot = loggerName.lastIndexOf('.');
        return dot < 0 || dot == loggerName.length() - 1 ? loggerName : loggerName.substring(dot + 1);
    }

    /** One record as written, ending with a newline; a throwable's stack trace follows the message. */
    public static String line(long timeMillis, String filename, LogLevel level, String message, Throwable thrown) {
        String msg = String.valueOf(message);
        StringBuilder sb = new StringBuilder(40 + filename.length() + msg.length());
        appendTimestamp(sb, timeMillis);
        sb.append(" - ").append(filename).append('[').append(level.name()).append("]: ").append(msg);
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            sb.append('\n').append(trace);
            while (sb.length() > 0 && (sb.charAt(sb.length() - 1) == '\n' || sb.charAt(sb.length() - 1) == '\r')) {
                sb.setLength(sb.length() - 1);
            }
        }
        return sb.append('\n').toString();
    }

    /** Appends {@code yyyy-MM-dd HH:mm:ss,SSS} in UTC. */
    public static void appendTimestamp(StringBuilder sb, long timeMillis) {
        long secs = Math.floorDiv(timeMillis, 1000L);
        int millis = (int) Math.floorMod(timeMillis, 1000L);
        long days = Math.floorDiv(secs, 86_400L);
        int secOfDay = (int) Math.floorMod(secs, 86_400L);
        // civil date from days since 1970-01-01 (proleptic Gregorian, H. Hinnant's algorithm)
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        pad(sb, year, 4);
        sb.append('-');
        pad(sb, month, 2);
        sb.append('-');
        pad(sb, day, 2);
        sb.append(' ');
        pad(sb, secOfDay / 3600, 2);
        sb.append(':');
        pad(sb, secOfDay / 60 % 60, 2);
        sb.append(':');
        pad(sb, secOfDay % 60, 2);
        sb.append(',');
        pad(sb, millis, 3);
    }

    private static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
