package io.nubis.runtime.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.Result;

class ReportHandlersTest {
    static final ReportEvent START = new ReportEvent("start", "init-network/config-ssh",
            "running config-ssh with frequency once-per-instance", 1714557601.5, null, 0);
    static final ReportEvent FINISH = new ReportEvent("finish", "init-network/config-ssh",
            "config-ssh ran successfully", 1714557602.75, Result.SUCCESS, 1.25004999);

    HttpServer server;
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> auth = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger delayMillis = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            hits.incrementAndGet();
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
            assertEquals("POST", ex.getRequestMethod());
            assertEquals("application/json", ex.getRequestHeaders().getFirst("Content-Type"));
            ex.sendResponseHeaders(status.get(), -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void eventsArePostedAsJsonInTheReferenceKeyOrder() {
        WebhookHandler h = new WebhookHandler(1);
        Map<String, Object> cfg = Map.of("type", "webhook", "endpoint", url());
        h.publish(START, cfg);
        h.publish(FINISH, cfg);
        h.flush();
        assertEquals(List.of(
                "{\"name\": \"init-network/config-ssh\", \"description\": \"running config-ssh with frequency"
                        + " once-per-instance\", \"event_type\": \"start\", \"origin\": \"cloudinit\", \"timestamp\":"
                        + " 1714557601.5}",
                "{\"name\": \"init-network/config-ssh\", \"description\": \"config-ssh ran successfully\","
                        + " \"event_type\": \"finish\", \"origin\": \"cloudinit\", \"timestamp\": 1714557602.75,"
                        + " \"result\": \"SUCCESS\", \"duration\": 1.25}"), bodies);
        assertNull(auth.get(0), "no OAuth header without keys");
        assertEquals(0, h.pending());
        h.stop();
    }

    @Test
    void oauthKeysSignEveryPostWithoutLeakingSecrets() {
        WebhookHandler h = new WebhookHandler(1);
        Map<String, Object> cfg = Map.of("endpoint", url(), "consumer_key", "ck", "token_key", "tk",
                "token_secret", "t&s", "consumer_secret", "");
        h.publish(START, cfg);
        h.flush();
        String a = auth.get(0);
        assertTrue(a.matches("OAuth oauth_nonce=\"\\d+\", oauth_timestamp=\"\\d+\", oauth_version=\"1.0\","
                + " oauth_signature_method=\"PLAINTEXT\", oauth_consumer_key=\"ck\", oauth_token=\"tk\","
                + " oauth_signature=\"%26t%2526s\""), a);
        h.stop();
    }

    @Test
    void retriesThenGivesUpAndDropsTheQueueAfterThreeFailuresInARow() throws Exception {
        status.set(500);
        WebhookHandler h = new WebhookHandler(1);
        Map<String, Object> cfg = Map.of("endpoint", url(), "retries", 1, "timeout", "2.5");
        // let the worker fail three times before the flush, so the flush drops the rest
        for (int i = 0; i < 3; i++) {
            h.publish(START, cfg);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (h.pending() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(6, hits.get(), "each event tried 1 + retries times");
        // now slow failures: the flush is requested while the first post is still failing
        delayMillis.set(200);
        for (int i = 0; i < 5; i++) {
            h.publish(START, cfg);
        }
        h.flush();
        assertEquals(0, h.pending());
        assertEquals(8, hits.get(), "after the first of the five failed, the other four were dropped");
        h.stop();
    }

    @Test
    void badEntriesAreRefusedWithClearReasons() {
        assertEquals("webhook reporting needs an 'endpoint' URL",
                refusal(Map.of("type", "webhook")));
        assertEquals("webhook 'endpoint' must be an http or https URL: ftp://<redacted>@x/y",
                refusal(Map.of("endpoint", "ftp://user:pw@x/y")));
        assertEquals("webhook 'timeout' must be a number, got 'soon'", refusal(Map.of("endpoint", url(), "timeout", "soon")));
        assertEquals("webhook 'retries' must be a whole number of at least 0",
                refusal(Map.of("endpoint", url(), "retries", -1)));
        assertEquals("unknown OAuth signature method 'RSA-SHA1' (PLAINTEXT or HMAC-SHA1)",
                refusal(Map.of("endpoint", url(), "consumer_key", "k", "signature_method", "RSA-SHA1")));
    }

    private static String refusal(Map<String, Object> cfg) {
        try {
            WebhookTarget.of(new HashMap<>(cfg));
            return "accepted";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    void hmacSha1MatchesTheOAuthCoreExample() {
        // OAuth Core 1.0 appendix A.5: GET photos with consumer dpf43f3p2l4k3l03 and token nnch734d00sl2jdk
        OAuth1 o = new OAuth1("dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00",
                OAuth1.Method.HMAC_SHA1, () -> 1191242096L, () -> "kllo9940pd9333jh");
        String h = o.header("GET", "http://photos.example.net/photos?file=vacation.jpg&size=original");
        assertEquals("OAuth oauth_nonce=\"kllo9940pd9333jh\", oauth_timestamp=\"1191242096\", oauth_version=\"1.0\","
                + " oauth_signature_method=\"HMAC-SHA1\", oauth_consumer_key=\"dpf43f3p2l4k3l03\","
                + " oauth_token=\"nnch734d00sl2jdk\", oauth_signature=\"tR3%2BTy81lMeYAr%2FFid0kMTYa%2FWM%3D\"", h);
    }

    @Test
    void hmacSha1PostsAreSignedToo() {
        WebhookHandler h = new WebhookHandler(1);
        h.publish(START, Map.of("endpoint", url() + "?a=1", "consumer_key", "ck", "consumer_secret", "cs",
                "signature_method", "HMAC-SHA1"));
        h.flush();
        assertTrue(auth.get(0).contains("oauth_signature_method=\"HMAC-SHA1\""), auth.get(0));
        assertTrue(!auth.get(0).contains("oauth_token="), auth.get(0));
        h.stop();
    }

    @Test
    void printHandlerPrintsTheOneLineForm() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintHandler p = new PrintHandler(new PrintStream(out, true, StandardCharsets.UTF_8));
        p.publish(START, Map.of("type", "print"));
        p.publish(FINISH, Map.of("type", "print"));
        assertEquals("start: init-network/config-ssh: running config-ssh with frequency once-per-instance\n"
                + "finish: init-network/config-ssh: SUCCESS: config-ssh ran successfully\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
