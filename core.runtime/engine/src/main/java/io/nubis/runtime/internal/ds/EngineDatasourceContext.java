package io.nubis.runtime.internal.ds;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Stage;
import io.nubis.api.target.TargetRoot;

/**
 * The {@link DatasourceContext} the engine gives a crawling datasource. {@code file:} URLs are
 * read inside the target; http(s) URLs are fetched with a per-attempt timeout, retried on I/O
 * errors and non-2xx statuses (404 is "not there"), at most {@value #MAX_RETRIES} retries and
 * {@value #MAX_BODY} bytes. User information in URLs is never logged.
 */
public final class EngineDatasourceContext implements DatasourceContext {
    /** Retries at most, whatever the datasource asks. */
    public static final int MAX_RETRIES = 100;
    /** Largest body accepted. */
    public static final int MAX_BODY = 32 * 1024 * 1024;

    private final Stage stage;
    private final TargetRoot target;
    private final CommandRunner runner;
    private final Map<String, Object> config;
    private final TargetFacts facts;
    private final Logger log;

    /**
     * @param dsName datasource name, for the logger ({@code DataSourceNoCloud})
     * @param config its {@code datasource.NAME} section
     */
    public EngineDatasourceContext(String dsName, Stage stage, TargetRoot target, CommandRunner runner,
            Map<String, Object> config, TargetFacts facts) {
        this.stage = stage;
        this.target = target;
        this.runner = runner;
        this.config = config == null ? Map.of() : config;
        this.facts = facts;
        this.log = LoggerFactory.getLogger("DataSource" + dsName);
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public TargetRoot target() {
        return target;
    }

    @Override
    public CommandRunner runner() {
        return runner;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public List<String> kernelCmdline() {
        return facts.cmdline();
    }

    @Override
    public List<String> devicesWithLabel(String... labels) {
        return facts.devicesWithLabel(labels);
    }

    @Override
    public Optional<byte[]> fetch(URI url, Duration timeout, int retries) throws IOException {
        String shown = display(url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if ("file".equals(scheme)) {
            String path = url.getPath();
            if (path == null || !target.exists(path)) {
                return Optional.empty();
            }
            byte[] b = target.read(path);
            if (b.length > MAX_BODY) {
                throw new IOException(shown + ": larger than " + MAX_BODY + " bytes");
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
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 404) {
                    return Optional.empty();
                }
                if (r.statusCode() / 100 == 2) {
                    if (r.body().length > MAX_BODY) {
                        throw new IOException(shown + ": larger than " + MAX_BODY + " bytes");
                    }
                    return Optional.of(r.body());
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(shown + ": interrupted", e);
            }
            log.debug("[{}/{}] fetching {} failed: {}", attempt, tries, shown, last);
        }
        throw new IOException(shown + ": " + last + " after " + tries + " attempt" + (tries == 1 ? "" : "s"));
    }

    @Override
    public Logger log() {
        return log;
    }

    /** The URL without user information. */
    static String display(URI url) {
        if (url.getUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}
