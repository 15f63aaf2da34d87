package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Stage;
import io.nubis.api.target.TargetRoot;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;

/**
 * A {@link DatasourceContext} for tests: a temporary target, a recording runner, labelled devices
 * from a map, and a real HTTP client with per-attempt timeouts and retries (404 is empty, other
 * non-2xx statuses and I/O errors are retried).
 */
final class FakeContext implements DatasourceContext {
    Stage stage = Stage.LOCAL;
    final TempTarget target;
    RecordingRunner runner = new RecordingRunner();
    Map<String, Object> config = new LinkedHashMap<>();
    List<String> cmdline = new ArrayList<>();
    final Map<String, List<String>> labels = new HashMap<>();
    final List<List<String>> labelQueries = new ArrayList<>();
    final List<URI> fetched = new ArrayList<>();
    private final Logger log = LoggerFactory.getLogger("nocloud-test");

    FakeContext(TempTarget target) {
        this.target = target;
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
        return cmdline;
    }

    @Override
    public List<String> devicesWithLabel(String... wanted) {
        labelQueries.add(Arrays.asList(wanted));
        List<String> out = new ArrayList<>();
        for (String l : wanted) {
            out.addAll(labels.getOrDefault(l, List.of()));
        }
        return out;
    }

    @Override
    public Optional<byte[]> fetch(URI url, Duration timeout, int retries) throws IOException {
        fetched.add(url);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        String last = "no attempt";
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() == 404) {
                    return Optional.empty();
                }
                if (r.statusCode() / 100 == 2) {
                    return Optional.of(r.body());
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + " " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(url + ": interrupted", e);
            }
        }
        throw new IOException(url + ": " + last + " after " + (retries + 1) + " attempts");
    }

    @Override
    public Logger log() {
        return log;
    }
}
