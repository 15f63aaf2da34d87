package io.nubis.adapter.systemd.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** power_state delay: {@code now}, {@code +N} or {@code N} minutes, normalised to shutdown(8)'s {@code now} or {@code +N}. */
final class ShutdownDelay {
    private static final Pattern MINUTES = Pattern.compile("\\+?(\\d{1,6})");

    private ShutdownDelay() {
    }

    static String minutes(String delay) {
        if ("now".equals(delay)) {
            return delay;
        }
        Matcher m = delay == null ? null : MINUTES.matcher(delay.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("power_state delay must be 'now' or '+m' (minutes), not '" + delay + "'");
        }
        return "+" + Integer.parseInt(m.group(1));
    }
}
