package io.nubis.api.module;

/** A module failed; the message names the config key and what was wrong with it. */
public class ModuleException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the key */
    public ModuleException(String message) {
        super(message);
    }

    /** @param message what failed, naming the key; @param cause the underlying error */
    public ModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
