package io.nubis.runtime.internal.status;

/** The status files cannot be read or make no sense; the message names the file and the problem. */
public class StatusException extends Exception {
    private static final long serialVersionUID = 1L;

    public StatusException(String message) {
        super(message);
    }
}
