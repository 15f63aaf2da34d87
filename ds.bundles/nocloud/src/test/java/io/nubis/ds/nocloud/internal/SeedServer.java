package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 serving a NoCloud seed: per path a queue of answers (status and
 * body) whose last entry repeats; unknown paths answer 404; {@link #hang(String)} makes a path
 * never answer. Every request path is recorded.
 */
final class SeedServer implements AutoCloseable {
    private record Answer(int status, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    SeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL ending in {@code /}. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    SeedServer serve(String path, String body) {
        return answer(path, 200, body.getBytes(StandardCharsets.UTF_8));
    }

    SeedServer answer(String path, int status, byte[] body) {
        answers.computeIfAbsent(path, k -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    SeedServer hang(String path) {
        hanging.put(path, true);
        return this;
    }

    /** Requests seen for one path. */
    long count(String path) {
        return requests.stream().filter(path::equals).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(path);
        try (ex) {
            if (hanging.containsKey(path)) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            Deque<Answer> q = answers.get(path);
            Answer a;
            synchronized (this) {
                a = q == null ? new Answer(404, new byte[0]) : q.size() > 1 ? q.poll() : q.peek();
            }
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
