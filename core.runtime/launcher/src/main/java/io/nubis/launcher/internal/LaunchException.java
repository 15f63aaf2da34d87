package io.nubis.launcher.internal;

/** The assembly could not be started; carries the process exit code. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    LaunchException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
