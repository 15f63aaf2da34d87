package io.nubis.runtime.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;
import io.nubis.runtime.internal.AgentVersion;
import io.nubis.runtime.internal.pyjson.JsonWriter;

/**
 * {@code reporting: {NAME: {type: webhook, endpoint: URL, ...}}}: POSTs each event's
 * {@code as_dict()} as JSON from a background thread, one thread and queue per distinct entry.
 * Options: {@code timeout} (seconds, default 10), {@code retries} (extra attempts, one second
 * apart), {@code consumer_key}/{@code consumer_secret}/{@code token_key}/{@code token_secret}
 * (OAuth 1 signing, {@code PLAINTEXT} as the reference, or {@code HMAC-SHA1} with
 * {@code signature_method: HMAC-SHA1}). On {@link #flush()}, once more than two posts in a row
 * have failed, the rest of the queue is dropped so a dead endpoint cannot hold the boot. Keys,
 * secrets and URL credentials are never logged.
 */
@Component(service = ReportingHandler.class, property = ReportingHandler.TYPE + "=webhook")
public final class WebhookHandler implements ReportingHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    static final String USER_AGENT = "Cloud-Init/" + AgentVersion.CLOUD_INIT_COMPAT + " (Nubis "
            + AgentVersion.version() + ")";

    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final long retryPauseMillis;

    @Activate
    public WebhookHandler() {
        this(1000);
    }

    WebhookHandler(long retryPauseMillis) {
        this.retryPauseMillis = retryPauseMillis;
    }

    @Override
    public void publish(ReportEvent event, Map<String, Object> config) {
        WebhookTarget target;
        try {
            target = WebhookTarget.of(config);
        } catch (IllegalArgumentException e) {
            LOG.warn("Not posting event {}: {}", event.name(), e.getMessage());
            return;
        }
        String payload = JsonWriter.dumps(EventDict.of(event), -1, false);
        LOG.debug("Queuing POST to {}, data: {}", WebhookTarget.redact(target.endpoint()), payload);
        workers.computeIfAbsent(target.identity(), k -> new Worker(target)).put(payload);
    }

    @Override
    public void flush() {
        LOG.debug("WebHookHandler flushing remaining events");
        for (Worker w : new ArrayList<>(workers.values())) {
            w.flush();
        }
    }

    @Deactivate
    void stop() {
        for (Worker w : workers.values()) {
            w.thread.interrupt();
        }
        workers.clear();
    }

    /** Number of events waiting or being posted (for tests). */
    int pending() {
        int n = 0;
        for (Worker w : workers.values()) {
            synchronized (w) {
                n += w.unfinished;
            }
        }
        return n;
    }

    private final class Worker implements Runnable {
        private final WebhookTarget target;
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private volatile boolean flushRequested;
        private int unfinished;

        Worker(WebhookTarget target) {
            this.target = target;
            this.thread = new Thread(this, "nubis-webhook");
            thread.setDaemon(true);
            thread.start();
        }

        void put(String payload) {
            synchronized (this) {
                unfinished++;
            }
            queue.add(payload);
        }

        void flush() {
            flushRequested = true;
            try {
                synchronized (this) {
                    while (unfinished > 0) {
                        wait();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                flushRequested = false;
            }
        }

        private synchronized void done(int n) {
            unfinished -= n;
            notifyAll();
        }

        @Override
        public void run() {
            int consecutiveFailed = 0;
            while (!Thread.currentThread().isInterrupted()) {
                if (flushRequested && consecutiveFailed > 2) {
                    LOG.warn("Multiple consecutive failures in WebHookHandler. Cancelling all queued events.");
                    List<String> dropped = new ArrayList<>();
                    queue.drainTo(dropped);
                    done(dropped.size());
                    consecutiveFailed = 0;
                }
                String payload;
                try {
                    payload = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    post(payload);
                    consecutiveFailed = 0;
                } catch (IOException e) {
                    LOG.warn("Failed posting event: {}. This was caused by: {}", payload, e.getMessage());
                    consecutiveFailed++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done(1);
                }
            }
        }

        private void post(String payload) throws IOException, InterruptedException {
            IOException last = null;
            for (int attempt = 0; attempt <= target.retries(); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(retryPauseMillis);
                }
                try {
                    postOnce(payload);
                    return;
                } catch (IOException e) {
                    last = e;
                }
            }
            throw last;
        }

        private void postOnce(String payload) throws IOException {
            HttpURLConnection c = (HttpURLConnection) new URL(target.endpoint()).openConnection();
            try {
                c.setRequestMethod("POST");
                c.setConnectTimeout(target.timeoutMillis());
                c.setReadTimeout(target.timeoutMillis());
                c.setInstanceFollowRedirects(true);
                c.setDoOutput(true);
                byte[] body = payload.getBytes(StandardCharsets.UTF_8);
                c.setFixedLengthStreamingMode(body.length);
                c.setRequestProperty("Content-Type", "application/json");
                c.setRequestProperty("User-Agent", USER_AGENT);
                if (target.oauth() != null) {
                    c.setRequestProperty("Authorization", target.oauth().header("POST", target.endpoint()));
                }
                try (OutputStream o = c.getOutputStream()) {
                    o.write(body);
                }
                int code = c.getResponseCode();
                try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
                    if (in != null) {
                        in.readNBytes(64 * 1024);
                    }
                }
                if (code >= 400) {
                    throw new IOException(code + " " + c.getResponseMessage() + " for url: "
                            + WebhookTarget.redact(target.endpoint()));
                }
            } finally {
                c.disconnect();
            }
        }
    }
}
