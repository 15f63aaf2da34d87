package io.nubis.api.distro;

import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

/**
 * One step of a change an adapter plans: run a command, or write, append to, or delete a file
 * in the target. Adapters return steps instead of acting, so the exact commands and file
 * contents for each system can be pinned by unit tests; the runtime applies them in order.
 */
public sealed interface Step permits Step.Run, Step.Write, Step.Append, Step.Delete, Step.Mkdir {

    /** Runs a command through the command runner. */
    record Run(Command command) implements Step {
    }

    /** Atomically replaces a file. */
    record Write(String path, String content, FileAttributes attrs) implements Step {
    }

    /** Appends to a file, creating it with {@code attrs} if absent. */
    record Append(String path, String content, FileAttributes attrs) implements Step {
    }

    /** Deletes a file if it exists. */
    record Delete(String path) implements Step {
    }

    /** Creates a directory and its parents. */
    record Mkdir(String path, int mode) implements Step {
    }

    /** Shorthand for {@link Run}. */
    static Step run(Command c) {
        return new Run(c);
    }

    /** Shorthand for {@link Run} of a plain argv. */
    static Step run(String... argv) {
        return new Run(Command.of(argv));
    }
}
