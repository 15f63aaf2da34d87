package io.nubis.api.report;

/** Result of a finished event, as the reference names it. */
public enum Result {
    /** Done. */
    SUCCESS,
    /** Done with warnings. */
    WARN,
    /** Failed. */
    FAIL
}
