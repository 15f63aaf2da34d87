package io.nubis.runtime.internal.pyjson;

/** JSON text that cannot be parsed; the message names the source, line and column (1-based). */
public class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;

    /**
     * @param source  file path or label of the text
     * @param line    1-based line of the problem
     * @param column  1-based column of the problem
     * @param problem what is wrong
     */
    public JsonException(String source, int line, int column, String problem) {
        super(source + ", line " + line + ", column " + column + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** File path or label of the text. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }
}
