package io.nubis.runtime.internal.merge;

/** A merge specification or a source that cannot be merged; the message starts with the source. */
public class MergeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String problem;

    /**
     * @param source  file path or part label (with the key, if the problem is in one)
     * @param problem what is wrong
     */
    public MergeException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    /** The file path or part label. */
    public String source() {
        return source;
    }

    /** The problem without the source. */
    public String problem() {
        return problem;
    }
}
