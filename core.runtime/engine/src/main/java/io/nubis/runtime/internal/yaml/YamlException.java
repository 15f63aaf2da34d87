package io.nubis.runtime.internal.yaml;

/**
 * YAML text that cannot be used: a syntax error, a forbidden tag, a broken limit or a document of
 * the wrong shape. The message names the source and, where known, the line and column (1-based).
 */
public class YamlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param source  file path or part label the text came from
     * @param line    1-based line, 0 if unknown
     * @param column  1-based column, 0 if unknown
     * @param problem what is wrong
     */
    public YamlException(String source, int line, int column, String problem) {
        super(format(source, line, column, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file path or part label. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem, 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 if unknown. */
    public int column() {
        return column;
    }

    /** The problem without the location. */
    public String problem() {
        return problem;
    }
}
