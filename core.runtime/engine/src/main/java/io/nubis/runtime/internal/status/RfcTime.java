package io.nubis.runtime.internal.status;

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
        long secs = (long) Math.floor(epochSeconds);
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
        return DAYS[(int) Math.floorMod(days, 7L)] + ", " + two(day) + " " + MONTHS[month - 1] + " " + year + " "
                + two(secOfDay / 3600) + ":" + two(secOfDay / 60 % 60) + ":" + two(secOfDay % 60) + " +0000";
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
