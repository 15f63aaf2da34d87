package io.nubis.runtime.internal.config;

import io.nubis.runtime.internal.merge.MergeException;
import io.nubis.runtime.internal.yaml.YamlException;

/**
 * A problem found in an input (a config file, the kernel command line, a user-data part), for the
 * engine to put in its log and in {@code status.json}. The input itself was skipped or partly
 * ignored; the boot goes on.
 *
 * @param severity how bad
 * @param source   file path or input label
 * @param line     1-based line, 0 if not known
 * @param column   1-based column, 0 if not known
 * @param message  what is wrong and what was done about it
 */
public record Finding(Severity severity, String source, int line, int column, String message) {
    /** How bad a finding is. */
    public enum Severity {
        /** The input (or a part of it) was skipped. */
        ERROR,
        /** The input was used, with something ignored or assumed. */
        WARNING
    }

    /** An error without a position. */
    public static Finding error(String source, String message) {
        return new Finding(Severity.ERROR, source, 0, 0, message);
    }

    /** A warning without a position. */
    public static Finding warning(String source, String message) {
        return new Finding(Severity.WARNING, source, 0, 0, message);
    }

    /** A YAML problem, with its position; the input was skipped. */
    public static Finding of(YamlException e, String consequence) {
        return new Finding(Severity.ERROR, e.source(), e.line(), e.column(), e.problem() + "; " + consequence);
    }

    /** A merge problem; the input was skipped. */
    public static Finding of(MergeException e, String consequence) {
        return new Finding(Severity.ERROR, e.source(), 0, 0, e.problem() + "; " + consequence);
    }

    /** {@code source, line L, column C: message}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }
}
