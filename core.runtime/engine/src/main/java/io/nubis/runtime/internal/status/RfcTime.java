package io.nubis.runtime.internal.status;

import io.nubis.runtime.internal.UtcDate;

/**
 * Formats epoch seconds as {@code strftime("%a, %d %b %Y %H:%M:%S %z", gmtime(t))} does, by hand
 * (no java.time formatter on the start-up path).
 */
final class RfcTime {
    private static final String[] DAYS = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private RfcTime() {
    }

    static String format(double epochSeconds) {
        UtcDate d = UtcDate.of((long) Math.floor(epochSeconds));
        int secOfDay = d.secOfDay();
        return DAYS[d.dayOfWeek()] + ", " + two(d.day()) + " " + MONTHS[d.month() - 1] + " " + d.year() + " "
                + two(secOfDay / 3600) + ":" + two(secOfDay / 60 % 60) + ":" + two(secOfDay % 60) + " +0000";
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
