package io.nubis.api.exec;

/** A command could not be started, timed out, or exited with a code not in its success set. */
public class CommandException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CommandResult result;

    /** @param message what happened, secrets already redacted; @param result the result, or null if it never ran */
    public CommandException(String message, CommandResult result) {
        super(message);
        this.result = result;
    }

    /** The result, or null if the command never ran. */
    public CommandResult result() {
        return result;
    }
}
