package io.nubis.runtime.internal.schema;

/**
 * One schema finding: the dotted key path of the offending value ({@code users.0.name}; a
 * {@code format-lL.cC} path for problems of the text itself) and the message.
 */
public record SchemaProblem(String path, String message) implements Comparable<SchemaProblem> {
    /** {@code path: message}, as the reference prints it. */
    public String format() {
        return path + ": " + message;
    }

    @Override
    public int compareTo(SchemaProblem o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
