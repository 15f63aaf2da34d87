package io.nubis.runtime.internal.userdata;

/**
 * Something wrong or notable found while processing user-data.
 *
 * @param severity how bad it is
 * @param where    the part it is about ({@code user-data part 2 (text/cloud-config)}, or the
 *                 path to it: {@code user-data > #include https://x > MIME part 1})
 * @param message  what happened, never containing the part's content beyond a short prefix
 */
public record Finding(Severity severity, String where, String message) {
    /** How bad a finding is. */
    public enum Severity {
        /** Input that was dropped or could not be used; the reference fails the stage on some. */
        ERROR,
        /** Input that was used differently than its author probably meant, or ignored. */
        WARNING,
        /** Worth a log line at info level. */
        INFO
    }

    static Finding error(String where, String message) {
        return new Finding(Severity.ERROR, where, message);
    }

    static Finding warning(String where, String message) {
        return new Finding(Severity.WARNING, where, message);
    }

    static Finding info(String where, String message) {
        return new Finding(Severity.INFO, where, message);
    }

    @Override
    public String toString() {
        return severity + " " + where + ": " + message;
    }
}
