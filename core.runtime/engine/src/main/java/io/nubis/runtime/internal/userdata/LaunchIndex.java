package io.nubis.runtime.internal.userdata;

/** Launch-index values as the reference reads them ({@code int(value)}). */
final class LaunchIndex {
    private LaunchIndex() {
    }

    /**
     * An integer from a header or YAML value ({@code 3}, {@code " 3 "}, {@code 3.7} → 3), or null
     * if there is none or it is not a number ({@code "3.0"}, {@code "x"}, booleans).
     */
    static Integer parse(Object value) {
        if (value == null || value instanceof Boolean) {
            return null;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) && Math.abs(d) < Integer.MAX_VALUE ? (int) d : null;
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
