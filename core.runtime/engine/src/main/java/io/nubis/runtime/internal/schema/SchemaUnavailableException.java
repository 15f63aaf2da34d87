package io.nubis.runtime.internal.schema;

/**
 * The JSON-Schema library (or Jackson) is not installed in this assembly, so nothing can be
 * validated; the reference skips validation in the same case.
 */
public class SchemaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaUnavailableException(Throwable cause) {
        super("the JSON-Schema library is not installed (" + cause + ")", cause);
    }
}
