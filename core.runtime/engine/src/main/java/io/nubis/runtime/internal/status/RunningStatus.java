package io.nubis.runtime.internal.status;

/** Whether the boot stages have run. */
public enum RunningStatus {
    NOT_STARTED("not started"),
    RUNNING("running"),
    DONE("done"),
    DISABLED("disabled");

    private final String text;

    RunningStatus(String text) {
        this.text = text;
    }

    /** The status as printed. */
    public String text() {
        return text;
    }
}
