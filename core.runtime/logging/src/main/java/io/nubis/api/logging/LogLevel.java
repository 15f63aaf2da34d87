package io.nubis.api.logging;

import java.util.Locale;

/** Log levels with the reference's (Python logging) names and numeric values. */
public enum LogLevel {
    /** Finer than debug (SLF4J {@code trace}). */
    TRACE(5),
    /** SLF4J {@code debug}. */
    DEBUG(10),
    /** SLF4J {@code info}. */
    INFO(20),
    /** SLF4J {@code warn}. */
    WARNING(30),
    /** SLF4J {@code warn} with the {@link LogMarkers#DEPRECATED} marker. */
    DEPRECATED(35),
    /** SLF4J {@code error}. */
    ERROR(40),
    /** SLF4J {@code error} with the {@link LogMarkers#CRITICAL} marker. */
    CRITICAL(50);

    private final int value;

    LogLevel(int value) {
        this.value = value;
    }

    /** The Python logging number ({@code WARNING} is 30). */
    public int value() {
        return value;
    }

    /** True if this level is at least {@code other}. */
    public boolean atLeast(LogLevel other) {
        return value >= other.value;
    }

    /**
     * Parses a level name as Python or SLF4J spells it, in any case ({@code warning},
     * {@code WARN}, {@code fatal}), or its number.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static LogLevel parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        switch (n) {
            case "WARN":
                return WARNING;
            case "FATAL":
                return CRITICAL;
            default:
                break;
        }
        for (LogLevel l : values()) {
            if (l.name().equals(n) || String.valueOf(l.value).equals(n)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown log level '" + name
                + "' (expected TRACE, DEBUG, INFO, WARNING, DEPRECATED, ERROR or CRITICAL)");
    }
}
