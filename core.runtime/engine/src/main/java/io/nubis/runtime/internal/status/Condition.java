package io.nubis.runtime.internal.status;

/** How well the boot went: the exit code of {@code status} is {@link #exitCode()}. */
public enum Condition {
    /** No errors and no recoverable errors: exit 0. */
    HEALTHY("healthy", 0),
    /** Some stage recorded an error: exit 1. */
    ERROR("error", 1),
    /** Only warnings or deprecations were recorded: exit 2. */
    DEGRADED("degraded", 2);

    private final String text;
    private final int exitCode;

    Condition(String text, int exitCode) {
        this.text = text;
        this.exitCode = exitCode;
    }

    /** The condition as printed in {@code extended_status}. */
    public String text() {
        return text;
    }

    /** The exit code of {@code status} in this condition. */
    public int exitCode() {
        return exitCode;
    }
}
