package io.nubis.runtime.internal.ds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.TargetRoot;

/**
 * Fetches {@code file:} URLs inside the target and http(s) URLs with a per-attempt timeout,
 * retrying on I/O errors and non-2xx statuses (404 means "not there"), at most
 * {@value #MAX_RETRIES} retries and a bounded body. User information in URLs never reaches logs
 * or messages.
 */
public final class UrlFetcher {
    /** Retries at most, whatever the caller asks. */
    public static final int MAX_RETRIES = 100;

    private static final Logger LOG = LoggerFactory.getLogger("url_helper");

    private final TargetRoot target;

    public UrlFetcher(TargetRoot target) {
        this.target = target;
    }

    /**
     * @param maxBytes largest body accepted
     * @return the body, or empty on 404 or a missing file
     * @throws IOException when every attempt failed, or the body is too large; the message names the URL
     */
    public Optional<byte[]> fetch(URI url, Duration timeout, int retries, long maxBytes) throws IOException {
        String shown = display(url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if ("file".equals(scheme)) {
            String path = url.getPath();
            if (path == null || !target.exists(path)) {
                return Optional.empty();
            }
            byte[] b = target.read(path);
            if (b.length > maxBytes) {
                throw new IOException(shown + ": larger than " + maxBytes + " bytes");
            }
            return Optional.of(b);
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IOException(shown + ": unsupported URL scheme '" + scheme + "'");
        }
        int tries = Math.max(0, Math.min(retries, MAX_RETRIES)) + 1;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String last = "no attempt";
        for (int attempt = 1; attempt <= tries; attempt++) {
            try {
                HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() == 404) {
                        return Optional.empty();
                    }
                    if (r.statusCode() / 100 == 2) {
                        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                        if (body.length > maxBytes) {
                            throw new IOException(shown + ": larger than " + maxBytes + " bytes");
                        }
                        return Optional.of(body);
                    }
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(shown + ": larger")) {
                    throw e;
                }
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(shown + ": interrupted", e);
            }
            LOG.debug("[{}/{}] fetching {} failed: {}", attempt, tries, shown, last);
        }
        throw new IOException(shown + ": " + last + " after " + tries + " attempt" + (tries == 1 ? "" : "s"));
    }

    /** The URL without user information. */
    public static String display(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}
