package io.nubis.cc.write_files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import io.nubis.api.target.TargetRoot;

/**
 * Fetches a {@code write_files} {@code source.uri}: {@code http(s)} with the given headers,
 * bounded connect and request timeouts, a bounded body, and the reference's retries (4 attempts,
 * 3 s apart); {@code file://} URIs and absolute paths are read inside the target. Anything else
 * is an error, which makes the caller fall back to {@code content}.
 */
class UrlFetcher {
    /** Largest body accepted. */
    static final int MAX_BODY = 128 * 1024 * 1024;

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int attempts;
    private final Duration pause;

    /** The production settings: 10 s to connect, 30 s per request, 4 attempts 3 s apart. */
    UrlFetcher() {
        this(Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(3));
    }

    UrlFetcher(Duration connectTimeout, Duration requestTimeout, int attempts, Duration pause) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.attempts = attempts;
        this.pause = pause;
    }

    /**
     * The content at {@code uri}.
     *
     * @throws IOException when every attempt failed, with the last reason
     */
    byte[] fetch(String uri, Map<String, String> headers, TargetRoot target) throws IOException {
        if (uri.startsWith("/")) {
            return target.read(uri);
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IOException("not a valid URI: " + e.getMessage(), e);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            if (u.getPath() == null || !u.getPath().startsWith("/")) {
                throw new IOException("file URI without an absolute path");
            }
            return target.read(u.getPath());
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("unsupported URI scheme '" + scheme + "' (expected http, https or file)");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest.Builder rb = HttpRequest.newBuilder(u).timeout(requestTimeout).GET();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            try {
                rb.header(h.getKey(), h.getValue());
            } catch (IllegalArgumentException e) {
                throw new IOException("header '" + h.getKey() + "' is not allowed: " + e.getMessage(), e);
            }
        }
        HttpRequest request = rb.build();
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            if (i > 0) {
                sleep();
            }
            try {
                HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() / 100 != 2) {
                        last = new IOException("HTTP status " + r.statusCode());
                        continue;
                    }
                    return readBounded(in);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while fetching", e);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last == null ? new IOException("no attempt made") : last;
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BODY) {
                throw new IOException("response larger than " + MAX_BODY + " bytes");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private void sleep() throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching", e);
        }
    }
}
