package io.nubis.api.template;

/** A template could not be rendered; the message says why and, when known, on which line. */
public class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    /**
     * @param message what is wrong
     * @param line    1-based line of the template, or 0 if unknown
     */
    public TemplateException(String message, int line) {
        super(line > 0 ? message + " (line " + line + ")" : message);
        this.line = line;
    }

    /** @param message what is wrong; @param line 1-based line or 0; @param cause the engine's error */
    public TemplateException(String message, int line, Throwable cause) {
        super(line > 0 ? message + " (line " + line + ")" : message, cause);
        this.line = line;
    }

    /** The 1-based line of the template the error is on, or 0 if unknown. */
    public int line() {
        return line;
    }
}
