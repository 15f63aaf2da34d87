package io.nubis.runtime.internal.userdata;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches what an {@code #include} line names. The caller's implementation decides which schemes
 * it serves ({@code http}, {@code https}, {@code file}), applies timeouts and retries (the
 * reference: 5 s timeout, 10 retries) and should stop reading past
 * {@link UserDataLimits#maxPartBytes()}.
 */
@FunctionalInterface
public interface IncludeFetcher {
    /** A fetcher for when includes are not allowed: every fetch fails. */
    IncludeFetcher NONE = uri -> {
        throw new IOException("fetching includes is not available");
    };

    /**
     * @param uri what to fetch
     * @return the content
     * @throws IOException on any failure, including a non-success HTTP status; the message
     *                     should say which (it becomes the finding's text)
     */
    byte[] fetch(URI uri) throws IOException;
}
