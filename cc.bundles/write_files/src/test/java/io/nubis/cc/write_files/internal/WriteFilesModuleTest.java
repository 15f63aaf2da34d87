package io.nubis.cc.write_files.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class WriteFilesModuleTest {
    @TempDir
    Path dir;

    private final UrlFetcher quickFetcher = new UrlFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5), 2, Duration.ZERO);

    private TempTarget target() throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root);
        return TempTarget.in(root);
    }

    private TestModuleContext ctx(String name, TempTarget t, String yaml) {
        return TestModuleContext.builder(name).config(yaml).target(t).build();
    }

    private void run(TempTarget t, String yaml) throws ModuleException {
        new WriteFilesModule(quickFetcher).run(ctx("write_files", t, yaml));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void writesPlainContentWithDefaultModeAndOwner() throws Exception {
        TempTarget t = target();
        run(t, "write_files:\n  - path: /etc/motd\n    content: |\n      hello\n      world\n");
        assertEquals("hello\nworld\n", t.text("/etc/motd"));
        assertEquals(0644, t.mode("/etc/motd"));
        assertEquals(Optional.of("root:root"), t.owner("/etc/motd"));
        assertEquals(0755, t.mode("/etc"));
    }

    @Test
    void defaultOwnerComesFromSystemInfo() throws Exception {
        TempTarget t = target();
        run(t, "system_info: {default_owner: 'root:wheel'}\nwrite_files:\n  - {path: /etc/a, content: x}\n");
        assertEquals(Optional.of("root:wheel"), t.owner("/etc/a"));
    }

    @Test
    void missingContentWritesAnEmptyFile() throws Exception {
        TempTarget t = target();
        run(t, "write_files:\n  - path: /var/empty-marker\n");
        assertEquals("", t.text("/var/empty-marker"));
    }

    @Test
    void relativePathIsTakenFromTheRoot() throws Exception {
        TempTarget t = target();
        run(t, "write_files:\n  - {path: etc/relative, content: r}\n");
        assertEquals("r", t.text("/etc/relative"));
    }

    @Test
    void decodesEveryEncodingSpelling() throws Exception {
        TempTarget t = target();
        String b64 = Base64.getMimeEncoder(8, "\n".getBytes()).encodeToString("base64 text\n".getBytes());
        String gzb64 = Base64.getEncoder().encodeToString(gzip("gzipped text\n".getBytes()));
        StringBuilder y = new StringBuilder("write_files:\n");
        y.append("  - {path: /t/b64, encoding: b64, content: \"").append(b64.replace("\n", "\\n")).append("\"}\n");
        y.append("  - {path: /t/base64, encoding: BASE64, content: ").append(Base64.getEncoder().encodeToString("B".getBytes())).append("}\n");
        for (String e : List.of("gz+base64", "gzip+base64", "gz+b64", "gzip+b64")) {
            y.append("  - {path: /t/").append(e.replace('+', '_')).append(", encoding: ").append(e).append(", content: ")
                    .append(gzb64).append("}\n");
        }
        y.append("  - {path: /t/plain, encoding: text/plain, content: plain}\n");
        y.append("  - {path: /t/unknown, encoding: rot13, content: as-is}\n");
        run(t, y.toString());
        assertEquals("base64 text\n", t.text("/t/b64"));
        assertEquals("B", t.text("/t/base64"));
        for (String e : List.of("gz_base64", "gzip_base64", "gz_b64", "gzip_b64")) {
            assertEquals("gzipped text\n", t.text("/t/" + e), e);
        }
        assertEquals("plain", t.text("/t/plain"));
        assertEquals("as-is", t.text("/t/unknown"));
    }

    @Test
    void gzipOfBinaryYamlContent() throws Exception {
        TempTarget t = target();
        byte[] bin = new byte[] {0, 1, 2, (byte) 0xff, 10};
        String yaml = "write_files:\n  - path: /bin.dat\n    encoding: gzip\n    content: !!binary |\n      "
                + Base64.getEncoder().encodeToString(gzip(bin)) + "\n";
        run(t, yaml);
        assertArrayEquals(bin, t.read("/bin.dat"));
    }

    @Test
    void permissionsAreParsedLikeTheReference() throws Exception {
        TempTarget t = target();
        run(t, "write_files:\n"
                + "  - {path: /p/str, content: a, permissions: '0600'}\n"
                + "  - {path: /p/str-no-zero, content: a, permissions: '750'}\n"
                + "  - {path: /p/str-0o, content: a, permissions: '0o640'}\n"
                + "  - {path: /p/yaml-octal, content: a, permissions: 0755}\n"
                + "  - {path: /p/decimal, content: a, permissions: 644}\n"
                + "  - {path: /p/garbage, content: a, permissions: rwxr-xr-x}\n");
        assertEquals(0600, t.mode("/p/str"));
        assertEquals(0750, t.mode("/p/str-no-zero"));
        assertEquals(0640, t.mode("/p/str-0o"));
        assertEquals(0755, t.mode("/p/yaml-octal"));
        assertEquals(01204, t.mode("/p/decimal"), "decimal 644 is mode 01204, as in the reference");
        assertEquals(0644, t.mode("/p/garbage"), "undecodable permissions fall back to 0644");
    }

    @Test
    void outOfRangeModeIsAnErrorNamingTheEntry() throws Exception {
        TempTarget t = target();
        ModuleException e = assertThrows(ModuleException.class, () -> run(t,
                "write_files:\n  - {path: /a, content: a, permissions: '77777'}\n  - {path: /b, content: b}\n"));
        assertTrue(e.getMessage().contains("write_files[0].permissions"), e.getMessage());
        assertFalse(t.exists("/a"));
        assertEquals("b", t.text("/b"));
    }

    @Test
    void ownerIsCheckedAgainstTheTarget() throws Exception {
        TempTarget t = target().user("alice", 1000).group("staff", 50);
        ModuleException e = assertThrows(ModuleException.class, () -> run(t, "write_files:\n"
                + "  - {path: /home/alice/f, content: a, owner: 'alice:staff'}\n"
                + "  - {path: /home/bob/f, content: b, owner: 'bob:bob'}\n"
                + "  - {path: /home/alice/g, content: c, owner: 'alice:nogroup'}\n"
                + "  - {path: /home/alice/h, content: d, owner: alice}\n"));
        assertEquals(Optional.of("alice:staff"), t.owner("/home/alice/f"));
        assertEquals(Optional.of("alice"), t.owner("/home/alice/h"));
        assertFalse(t.exists("/home/bob/f"));
        assertFalse(t.exists("/home/alice/g"));
        assertTrue(e.getMessage().contains("write_files[1].owner: 'bob' is not in the target's /etc/passwd"), e.getMessage());
        assertTrue(e.getMessage().contains("write_files[2].owner: 'nogroup' is not in the target's /etc/group"), e.getMessage());
        assertTrue(e.getMessage().contains("2 of the entries failed"), e.getMessage());
    }

    @Test
    void appendAddsToTheFileAndSetsTheMode() throws Exception {
        TempTarget t = target().file("/etc/hosts.allow", "ALL: LOCAL\n", 0600);
        run(t, "write_files:\n  - {path: /etc/hosts.allow, content: \"sshd: ALL\\n\", append: true, permissions: '0644'}\n");
        assertEquals("ALL: LOCAL\nsshd: ALL\n", t.text("/etc/hosts.allow"));
        assertEquals(0644, t.mode("/etc/hosts.allow"));
    }

    @Test
    void appendIsSkippedInUpdateMode() throws Exception {
        TempTarget t = target().file("/log", "a\n");
        new WriteFilesModule(quickFetcher).run(TestModuleContext.builder("write_files")
                .config("write_files:\n  - {path: /log, content: \"b\\n\", append: true}\n  - {path: /other, content: o}\n")
                .target(t).updateMode(true).build());
        assertEquals("a\n", t.text("/log"));
        assertEquals("o", t.text("/other"));
    }

    @Test
    void deferredEntriesAreLeftForTheFinalStage() throws Exception {
        TempTarget t = target().user("app", 1001);
        String yaml = "write_files:\n  - {path: /now, content: n}\n  - {path: /later, content: l, owner: 'app:app', defer: true}\n";
        new WriteFilesModule(quickFetcher).run(ctx("write_files", t, yaml));
        assertTrue(t.exists("/now"));
        assertFalse(t.exists("/later"));
        t.delete("/now");
        new WriteFilesDeferredModule(quickFetcher).run(ctx("write_files_deferred", t, yaml));
        assertEquals("l", t.text("/later"));
        assertEquals(Optional.of("app:app"), t.owner("/later"));
        assertFalse(t.exists("/now"), "the deferred module writes only deferred entries");
    }

    @Test
    void badBase64AndTruncatedGzipAreNamedAndTheRestIsWritten() throws Exception {
        TempTarget t = target();
        byte[] gz = gzip("a fairly long text that compresses into a few blocks\n".repeat(20).getBytes());
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(gz, gz.length / 2));
        ModuleException e = assertThrows(ModuleException.class, () -> run(t, "write_files:\n"
                + "  - {path: /bad64, encoding: b64, content: 'not base64!'}\n"
                + "  - {path: /good, content: fine}\n"
                + "  - {path: /truncated, encoding: gz+b64, content: '" + truncated + "'}\n"
                + "  - {path: /notgzip, encoding: gzip, content: plain text}\n"));
        assertEquals("fine", t.text("/good"));
        assertFalse(t.exists("/bad64"));
        assertFalse(t.exists("/truncated"));
        assertFalse(t.exists("/notgzip"));
        String m = e.getMessage();
        assertTrue(m.contains("write_files[0].content: cannot decode with encoding 'b64': invalid base64"), m);
        assertTrue(m.contains("write_files[2].content: cannot decode with encoding 'gz+b64': truncated gzip data"), m);
        assertTrue(m.contains("write_files[3].content: cannot decode with encoding 'gzip': not valid gzip data"), m);
    }

    @Test
    void hostilePathsStayInsideTheRoot() throws Exception {
        TempTarget t = target();
        Path outside = dir.resolve("outside");
        Files.createDirectories(outside);
        t.link("/etc/escape", outside.toString());
        t.link("/etc/rel-escape", "../../../../../../" + outside);
        run(t, "write_files:\n"
                + "  - {path: ../../etc/shadow, content: \"root:*:1::::::\\n\"}\n"
                + "  - {path: /etc/escape/pwned, content: x}\n"
                + "  - {path: /etc/rel-escape/pwned2, content: y}\n");
        assertEquals("root:*:1::::::\n", Files.readString(dir.resolve("root/etc/shadow")));
        assertFalse(Files.exists(dir.resolve("etc/shadow")));
        try (var s = Files.list(outside)) {
            assertEquals(0, s.count(), "nothing is written through a symlink out of the root");
        }
        assertEquals("x", Files.readString(dir.resolve("root").resolve(outside.toString().substring(1)).resolve("pwned")));
        assertEquals("y", Files.readString(dir.resolve("root").resolve(outside.toString().substring(1)).resolve("pwned2")));
    }

    @Test
    void wrongTypesAreNamed() throws Exception {
        TempTarget t = target();
        ConfigException ce = assertThrows(ConfigException.class, () -> run(t, "write_files: {path: /x}\n"));
        assertEquals("write_files", ce.keyPath());
        ModuleException e = assertThrows(ModuleException.class, () -> run(t, "write_files:\n"
                + "  - just a string\n"
                + "  - {content: no path}\n"
                + "  - {path: /c, content: [a, b]}\n"
                + "  - {path: [/d], content: d}\n"
                + "  - {path: /e, content: e, source: not-a-map}\n"
                + "  - {path: /f, content: f, append: maybe}\n"
                + "  - {path: /ok, content: ok}\n"));
        String m = e.getMessage();
        assertTrue(m.contains("write_files[0]: expected a mapping with a 'path', got a string"), m);
        assertTrue(m.contains("write_files[1].path: missing"), m);
        assertTrue(m.contains("write_files[2].content: expected a string or binary data, got a list"), m);
        assertTrue(m.contains("write_files[3].path: expected a string, got a list"), m);
        assertTrue(m.contains("write_files[4].source: expected a mapping, got a string"), m);
        assertTrue(m.contains("write_files[5].append: expected a boolean"), m);
        assertTrue(m.contains("6 of the entries failed"), m);
        assertEquals("ok", t.text("/ok"));
    }

    @Test
    void fetchesFromHttpWithHeaders() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/file", x -> {
            auth.set(x.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "from the server\n".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.createContext("/missing", x -> {
            x.sendResponseHeaders(404, -1);
            x.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            TempTarget t = target();
            run(t, "write_files:\n"
                    + "  - path: /fetched\n    content: fallback\n    source:\n      uri: " + base + "/file\n"
                    + "      headers: {Authorization: 'Bearer s3cret'}\n"
                    + "  - path: /fallback\n    content: fallback\n    source: {uri: " + base + "/missing}\n"
                    + "  - path: /nothing\n    source: {uri: " + base + "/missing}\n");
            assertEquals("from the server\n", t.text("/fetched"));
            assertEquals("Bearer s3cret", auth.get());
            assertEquals("fallback", t.text("/fallback"));
            assertFalse(t.exists("/nothing"), "a failed source without content writes nothing, as the reference");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void fileSourcesAreReadInsideTheTarget() throws Exception {
        TempTarget t = target().file("/srv/template", "templ\n");
        run(t, "write_files:\n  - {path: /copy1, source: {uri: 'file:///srv/template'}}\n"
                + "  - {path: /copy2, source: {uri: /srv/../srv/template}}\n"
                + "  - {path: /copy3, content: fb, source: {uri: 'ftp://example.invalid/x'}}\n");
        assertEquals("templ\n", t.text("/copy1"));
        assertEquals("templ\n", t.text("/copy2"));
        assertEquals("fb", t.text("/copy3"));
    }

    @Test
    void uriLoggingDropsCredentials() {
        assertEquals("https://...@host/p?...", FileEntries.withoutQuery("https://user:pw@host/p?sig=abc"));
        assertEquals("http://host/p", FileEntries.withoutQuery("http://host/p"));
    }

    @Test
    void runningTwiceInUpdateModeChangesNothing() throws Exception {
        TempTarget t = target().user("alice", 1000);
        String yaml = "write_files:\n"
                + "  - {path: /etc/app.conf, content: \"a=1\\n\", permissions: '0640', owner: 'alice:alice'}\n"
                + "  - {path: /etc/app.b64, encoding: b64, content: " + Base64.getEncoder().encodeToString("xyz".getBytes()) + "}\n"
                + "  - {path: /var/log/app.log, content: \"line\\n\", append: true}\n"
                + "  - {path: /opt/later, content: l, defer: true}\n";
        RecordingRunner runner = new RecordingRunner(t);
        TestModuleContext c = TestModuleContext.builder("write_files").config(yaml).target(t).runner(runner)
                .updateMode(true).build();
        TestModuleContext d = TestModuleContext.builder("write_files_deferred").config(yaml).target(t).runner(runner)
                .updateMode(true).build();
        new WriteFilesModule(quickFetcher).run(c);
        new WriteFilesDeferredModule(quickFetcher).run(d);
        Map<String, String> first = TreeSnapshot.of(t.root());
        new WriteFilesModule(quickFetcher).run(c);
        new WriteFilesDeferredModule(quickFetcher).run(d);
        assertEquals(first, TreeSnapshot.of(t.root()));
        assertEquals(List.of(), runner.commandLines());
        assertEquals("a=1\n", t.text("/etc/app.conf"));
        assertEquals(0640, t.mode("/etc/app.conf"));
        assertFalse(t.exists("/var/log/app.log"), "append entries do not run in update mode");
    }

    @Test
    void withoutTheKeyNothingHappens() throws Exception {
        TempTarget t = target();
        Map<String, String> before = TreeSnapshot.of(t.root());
        run(t, "other: 1\n");
        new WriteFilesDeferredModule(quickFetcher).run(ctx("write_files_deferred", t, "write_files: []\n"));
        assertEquals(before, TreeSnapshot.of(t.root()));
    }
}
