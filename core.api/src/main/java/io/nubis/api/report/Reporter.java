package io.nubis.api.report;

/** Opens nested reporting scopes; each scope sends a start event now and a finish event on close. */
public interface Reporter {
    /**
     * Opens a child scope.
     *
     * @param name        name relative to the current scope
     * @param description what the scope does
     */
    Scope start(String name, String description);

    /** An open event scope. */
    interface Scope extends AutoCloseable {
        /** Marks the result; the default is {@link Result#SUCCESS}. A child's WARN or FAIL propagates up. */
        void result(Result result, String description);

        /** Reporter for children of this scope. */
        Reporter children();

        /** Sends the finish event. */
        @Override
        void close();
    }
}
