package io.nubis.runtime.internal;

/**
 * A UTC calendar date and time of day from epoch seconds, computed by hand (Howard Hinnant's
 * days-from-civil inverse) so that formatting a timestamp on the start-up path loads no java.time.
 *
 * @param year      proleptic Gregorian year
 * @param month     1-12
 * @param day       1-31
 * @param secOfDay  seconds since midnight
 * @param dayOfWeek 0 = Thursday (1970-01-01) ... 6 = Wednesday
 */
public record UtcDate(long year, int month, int day, int secOfDay, int dayOfWeek) {
    /** The date and time of {@code epochSeconds}. */
    public static UtcDate of(long epochSeconds) {
        long days = Math.floorDiv(epochSeconds, 86_400L);
        int secOfDay = (int) Math.floorMod(epochSeconds, 86_400L);
        long z = days + 719_468L;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097L;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return new UtcDate(year, month, day, secOfDay, (int) Math.floorMod(days, 7L));
    }
}
