package io.nubis.runtime.internal.userdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import io.nubis.api.template.TemplateException;
import io.nubis.api.template.TemplateRenderer;

/** Test helpers: gzip, a recording fetcher, an in-memory cache and a tiny template renderer. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** Serves a map of URLs; anything else is a 404. Records what was fetched. */
    static final class MapFetcher implements IncludeFetcher {
        final Map<String, byte[]> content = new HashMap<>();
        final List<String> fetched = new ArrayList<>();

        MapFetcher put(String url, String body) {
            content.put(url, utf8(body));
            return this;
        }

        MapFetcher put(String url, byte[] body) {
            content.put(url, body);
            return this;
        }

        @Override
        public byte[] fetch(URI uri) throws IOException {
            fetched.add(uri.toString());
            byte[] b = content.get(uri.toString());
            if (b == null) {
                throw new IOException("HTTP 404 Not Found for " + uri);
            }
            return b;
        }
    }

    /** include-once cache in memory. */
    static final class MemoryCache implements IncludeOnceCache {
        final Map<String, byte[]> entries = new HashMap<>();

        @Override
        public Optional<byte[]> get(String url) {
            return Optional.ofNullable(entries.get(url));
        }

        @Override
        public void put(String url, byte[] content) {
            entries.put(url, content);
        }
    }

    /**
     * Replaces {@code {{ a.b }}} with the value at that path (or the cloud-init marker); a
     * template containing {@code {% fail %}} fails. Records the variables it got.
     */
    static final class PathRenderer implements TemplateRenderer {
        private static final Pattern VAR = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\}\\}");
        Map<String, Object> lastVariables;
        int calls;

        @Override
        public String render(String template, Map<String, Object> variables) throws TemplateException {
            calls++;
            lastVariables = variables;
            if (template.contains("{% fail %}")) {
                throw new TemplateException("Syntax error: unknown tag 'fail'", 2);
            }
            Matcher m = VAR.matcher(template);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                Object v = variables;
                String last = null;
                for (String seg : m.group(1).split("\\.")) {
                    last = seg;
                    v = v instanceof Map<?, ?> map ? map.get(seg) : null;
                }
                m.appendReplacement(b, Matcher.quoteReplacement(v == null ? MISSING_PREFIX + last : v.toString()));
            }
            m.appendTail(b);
            return b.toString();
        }
    }
}
