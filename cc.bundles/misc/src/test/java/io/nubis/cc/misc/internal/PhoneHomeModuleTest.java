package io.nubis.cc.misc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.nubis.api.module.ModuleException;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class PhoneHomeModuleTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            paths.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Content-Type"));
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void run(TempTarget t, String yaml) throws Exception {
        new PhoneHomeModule(0).run(TestModuleContext.builder("phone_home").config(yaml).target(t).instanceId("i-123")
                .instanceData(Map.of("v1", Map.of("local_hostname", "web1.example.com"))).build());
    }

    @Test
    void postsEverythingWithTheInstanceIdInTheUrl() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/ssh/ssh_host_ed25519_key.pub", "ssh-ed25519 AAAA root@h\n")
                .file("/etc/ssh/ssh_host_rsa_key.pub", "ssh-rsa BBBB root@h\n");
        run(t, "phone_home: {url: '" + base() + "/ph/$INSTANCE_ID/', tries: 2}\n");
        assertEquals(List.of("POST /ph/i-123/ application/x-www-form-urlencoded"), paths);
        assertEquals(List.of("pub_key_rsa=ssh-rsa+BBBB+root%40h%0A&pub_key_ecdsa=N%2FA"
                + "&pub_key_ed25519=ssh-ed25519+AAAA+root%40h%0A&instance_id=i-123&hostname=web1&fqdn=web1.example.com"), bodies);
    }

    @Test
    void postsSelectedKeysAndRetries() throws Exception {
        failuresLeft.set(2);
        TempTarget t = TempTarget.in(dir);
        run(t, "phone_home: {url: '" + base() + "/x?id=${INSTANCE_ID}', post: [instance_id, hostname], tries: 3}\n");
        assertEquals(3, bodies.size());
        assertEquals("instance_id=i-123&hostname=web1", bodies.get(2));
        assertEquals("POST /x?id=i-123 application/x-www-form-urlencoded", paths.get(2));
    }

    @Test
    void givesUpAfterTriesWithoutFailing() throws Exception {
        failuresLeft.set(100);
        TempTarget t = TempTarget.in(dir);
        run(t, "phone_home: {url: '" + base() + "/', post: [fqdn], tries: 4}\n");
        assertEquals(4, bodies.size());
    }

    @Test
    void badTriesFallsBackToTen() throws Exception {
        failuresLeft.set(100);
        run(TempTarget.in(dir), "phone_home: {url: '" + base() + "/', post: [fqdn], tries: many}\n");
        assertEquals(10, bodies.size());
    }

    @Test
    void hostileUrlsAreRejected() {
        for (String url : List.of("file:///etc/shadow", "ftp://x/", "not a url", "http:///nohost")) {
            ModuleException e = assertThrows(ModuleException.class,
                    () -> run(TempTarget.in(dir), "phone_home: {url: '" + url + "'}\n"));
            assertTrue(e.getMessage().startsWith("phone_home.url: "), e.getMessage());
        }
        assertEquals(List.of(), bodies);
    }

    @Test
    void noUrlSkips() throws Exception {
        run(TempTarget.in(dir), "phone_home: {post: all}\n");
        assertEquals(List.of(), bodies);
    }

    @Test
    void hostnameFallsBackToTheTargetAndIpv4Names() {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "box\n");
        assertEquals(new HostNames("box", "box"),
                HostNames.of(TestModuleContext.builder("phone_home").target(t).build()));
        assertEquals(new HostNames("ip-10-0-0-5", "ip-10-0-0-5"), HostNames.of(TestModuleContext.builder("phone_home")
                .target(t).instanceData(Map.of("ds", Map.of("meta_data", Map.of("local-hostname", "10.0.0.5")))).build()));
    }
}
