package io.nubis.api.exec;

import java.nio.charset.StandardCharsets;

/**
 * What a command did.
 *
 * @param exitCode exit status (0 in plan mode)
 * @param stdout   captured standard output
 * @param stderr   captured standard error
 * @param executed false when the runner only recorded the command (plan mode)
 */
public record CommandResult(int exitCode, byte[] stdout, byte[] stderr, boolean executed) {
    /** Standard output as UTF-8. */
    public String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error as UTF-8. */
    public String err() {
        return new String(stderr, StandardCharsets.UTF_8);
    }
}
