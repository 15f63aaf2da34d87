package io.nubis.api.datasource;

/** A datasource is present but its data could not be read; the message names the file or URL. */
public class DatasourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the file, URL and key */
    public DatasourceException(String message) {
        super(message);
    }

    /** @param message what failed; @param cause the underlying error */
    public DatasourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
