package io.nubis.api.exec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs commands inside the target (chrooted when the target root is not {@code /}). In plan
 * mode commands are recorded, not executed, and report success with empty output. Modules may
 * run at the same time, so implementations are thread-safe.
 */
public interface CommandRunner {
    /**
     * Runs a command and waits for it.
     *
     * @throws CommandException if it cannot start, times out, or exits with a code not in
     *                          {@link Command#okCodes()}
     */
    CommandResult run(Command command) throws CommandException;

    /** True if commands are recorded instead of executed. */
    boolean planMode();

    /** Finds a program on the target's PATH, as a target path. */
    Optional<String> which(String program);

    /** Where the runner's record of commands goes in plan mode, if anywhere. */
    default Optional<Path> planLog() {
        return Optional.empty();
    }
}
