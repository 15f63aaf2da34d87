package io.nubis.runtime.internal.userdata;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a raw blob into the flat list of parts the reference accumulates
 * ({@code UserDataProcessor.process}): gzip undone, MIME split, declared gzip parts decompressed,
 * types sniffed, includes fetched and processed in place, archives exploded, default file names
 * and launch indexes set. Every problem is a finding naming the part; the rest goes on.
 */
final class PartCollector {
    private static final Set<String> STRUCTURAL_HEADERS = Set.of("content-type", "content-transfer-encoding",
            "mime-version", "content-disposition");

    private final UserDataKind kind;
    private final IncludeFetcher fetcher;
    private final IncludeOnceCache cache;
    private final UserDataLimits limits;
    private final List<UserDataPart> parts = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private long totalBytes;
    private int includes;
    private boolean includeLimitReported;
    private boolean partLimitReported;

    PartCollector(UserDataKind kind, IncludeFetcher fetcher, IncludeOnceCache cache, UserDataLimits limits) {
        this.kind = kind;
        this.fetcher = fetcher;
        this.cache = cache;
        this.limits = limits;
    }

    List<UserDataPart> parts() {
        return parts;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Processes the raw blob. */
    void collect(byte[] raw) {
        blob(raw == null ? new byte[0] : raw, kind.label(), List.of());
    }

    /** The reference's {@code convert_string} + {@code _process_msg}. */
    private void blob(byte[] data, String where, List<String> chain) {
        if (isBlank(data)) {
            return;
        }
        // room for MIME and base64 overhead; the parts themselves are counted against the total
        long maxBlob = 2 * limits.maxTotalBytes();
        if (data.length > maxBlob) {
            findings.add(Finding.error(where, "larger than " + maxBlob + " bytes: ignored"));
            return;
        }
        if (Gunzip.isGzip(data)) {
            try {
                data = Gunzip.gunzip(data, limits.maxGunzipBytes(), limits.maxGunzipRatio(),
                        limits.gunzipRatioFloor());
            } catch (IOException e) {
                findings.add(Finding.error(where, "gzip-compressed data could not be decompressed: "
                        + e.getMessage()));
                return;
            }
            if (isBlank(data)) {
                return;
            }
        }
        if (MimeReader.looksLikeMime(data)) {
            MimeReader.Result r = MimeReader.read(data, where, limits);
            findings.addAll(r.findings());
            for (MimeReader.Leaf leaf : r.leaves()) {
                part(leaf.contentType() == null ? ContentTypes.TEXT_PLAIN : leaf.contentType(), leaf.headers(),
                        leaf.payload(), leaf.where(), chain);
            }
        } else {
            part(ContentTypes.NOT_MULTIPART, List.of(), data, where, chain);
        }
    }

    private void part(String declared, List<Header> headers, byte[] payload, String where, List<String> chain) {
        String ctypeOrig = declared;
        if (ContentTypes.GZIP.contains(ctypeOrig)) {
            try {
                payload = Gunzip.gunzip(payload, limits.maxGunzipBytes(), limits.maxGunzipRatio(),
                        limits.gunzipRatioFloor());
            } catch (IOException e) {
                findings.add(Finding.error(where, "declared " + ctypeOrig + " but could not be decompressed: "
                        + e.getMessage() + "; the part is ignored"));
                return;
            }
            List<Header> kept = new ArrayList<>();
            String filename = filename(headers);
            if (filename != null) {
                kept.add(new Header("Content-Disposition", "attachment; filename=\"" + quote(filename) + "\""));
            }
            for (Header h : headers) {
                if (h.name().equalsIgnoreCase("Launch-Index")) {
                    kept.add(h);
                }
            }
            headers = kept;
            ctypeOrig = ContentTypes.TEXT_PLAIN;
        }
        String ctype = null;
        if (ContentTypes.SNIFFED.contains(ctypeOrig)) {
            ctype = ContentTypes.sniff(payload);
        }
        if (ctype == null) {
            ctype = ctypeOrig;
        }
        switch (ctype) {
            case ContentTypes.INCLUDE_URL, ContentTypes.INCLUDE_ONCE_URL -> include(payload, where, chain);
            case ContentTypes.CLOUD_CONFIG_ARCHIVE -> {
                for (ArchiveExpander.Entry e : ArchiveExpander.expand(payload, where, limits, findings)) {
                    attach(e.contentType(), e.headers(), e.payload(), e.where());
                }
            }
            default -> attach(ctype, headers, payload, where);
        }
    }

    /** The reference's {@code _do_include}: one URL per line, {@code #include-once} switching caching on. */
    private void include(byte[] payload, String where, List<String> chain) {
        String text = Text.lenientUtf8(payload);
        boolean once = false;
        for (String line : text.split("\r\n|[\n\r\u000b\f\u001c\u001d\u001e\u0085\u2028\u2029]")) {
            String lc = line.toLowerCase(Locale.ROOT);
            if (lc.startsWith("#include-once")) {
                line = line.substring("#include-once".length()).stripLeading();
                once = true;
            } else if (lc.startsWith("#include")) {
                line = line.substring("#include".length()).stripLeading();
                once = false;
            }
            // the reference only skips comments starting in the first column, and tries to
            // fetch an indented one; any line whose first non-blank character is # is a comment here
            if (line.strip().startsWith("#")) {
                continue;
            }
            String url = line.strip();
            if (!url.isEmpty()) {
                includeUrl(url, once, where, chain);
            }
        }
    }

    private void includeUrl(String url, boolean once, String where, List<String> chain) {
        String shown = redact(url);
        String here = where + (once ? " > #include-once " : " > #include ") + shown;
        if (includes >= limits.maxIncludes()) {
            if (!includeLimitReported) {
                includeLimitReported = true;
                findings.add(Finding.error(here, "more than " + limits.maxIncludes()
                        + " includes: this and later includes are ignored"));
            }
            return;
        }
        if (chain.contains(url)) {
            List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(url), chain.size()));
            loop.add(url);
            findings.add(Finding.error(here, "include loop (" + String.join(" -> ",
                    loop.stream().map(PartCollector::redact).toList()) + "): not fetched again"));
            return;
        }
        if (chain.size() >= limits.maxIncludeDepth()) {
            findings.add(Finding.error(here, "includes nested deeper than " + limits.maxIncludeDepth()
                    + " levels: not fetched"));
            return;
        }
        includes++;
        byte[] content = null;
        if (once) {
            try {
                Optional<byte[]> cached = cache.get(url);
                if (cached.isPresent()) {
                    content = cached.get();
                }
            } catch (IOException e) {
                findings.add(Finding.warning(here, "include-once cache could not be read (" + e.getMessage()
                        + "): fetching again"));
            }
        }
        if (content == null) {
            URI uri;
            try {
                uri = toUri(url);
            } catch (URISyntaxException e) {
                findings.add(Finding.error(here, "not a valid URL (" + e.getReason() + "): not fetched"));
                return;
            }
            try {
                content = fetcher.fetch(uri);
            } catch (IOException | RuntimeException e) {
                findings.add(Finding.error(here, "fetching failed: " + redactMessage(e, url)));
                return;
            }
            if (content == null) {
                findings.add(Finding.error(here, "fetching failed: no content"));
                return;
            }
            if (once) {
                try {
                    cache.put(url, content);
                } catch (IOException e) {
                    findings.add(Finding.warning(here, "include-once cache could not be written ("
                            + e.getMessage() + ")"));
                }
            }
        }
        List<String> deeper = new ArrayList<>(chain);
        deeper.add(url);
        blob(content, here, deeper);
    }

    /** Absolute paths are local files; anything else must be an absolute URL. */
    static URI toUri(String url) throws URISyntaxException {
        if (url.startsWith("/")) {
            return new URI("file", null, url, null);
        }
        URI uri = new URI(url);
        if (!uri.isAbsolute()) {
            throw new URISyntaxException(url, "no scheme (expected http://, https:// or file://)");
        }
        return uri;
    }

    private void attach(String ctype, List<Header> headers, byte[] payload, String where) {
        if (parts.size() >= limits.maxParts()) {
            if (!partLimitReported) {
                partLimitReported = true;
                findings.add(Finding.error(where, "more than " + limits.maxParts()
                        + " parts: this and later parts are ignored"));
            }
            return;
        }
        if (payload.length > limits.maxPartBytes()) {
            findings.add(Finding.error(where, ctype + " part of " + payload.length + " bytes is larger than "
                    + limits.maxPartBytes() + " bytes: ignored"));
            return;
        }
        if (totalBytes + payload.length > limits.maxTotalBytes()) {
            findings.add(Finding.error(where, "parts exceed " + limits.maxTotalBytes()
                    + " bytes in all: this part is ignored"));
            return;
        }
        totalBytes += payload.length;
        int number = parts.size() + 1;
        String filename = filename(headers);
        if (filename == null || filename.isEmpty()) {
            filename = String.format("part-%03d", number);
        }
        String headerIdx = null;
        List<Header> kept = new ArrayList<>();
        for (Header h : headers) {
            String lc = h.name().toLowerCase(Locale.ROOT);
            if (STRUCTURAL_HEADERS.contains(lc)) {
                continue;
            }
            if (lc.equals("launch-index")) {
                if (headerIdx == null) {
                    headerIdx = h.value();
                }
                continue;
            }
            kept.add(h);
        }
        Object idx = headerIdx;
        if (idx == null && ctype.equals(ContentTypes.CLOUD_CONFIG)) {
            idx = launchIndexInPayload(payload);
        }
        if (idx != null) {
            Integer parsed = LaunchIndex.parse(idx);
            kept.add(0, new Header("Launch-Index", parsed != null ? parsed.toString() : idx.toString()));
        }
        String label = kind.label() + " part " + number + " (" + ctype + ")";
        parts.add(new UserDataPart(number, label, where, ctype, filename, List.copyOf(kept), payload));
    }

    /** The {@code launch-index} key of a cloud-config part, or null; YAML errors are left to the merger. */
    private Object launchIndexInPayload(byte[] payload) {
        String text = Text.lenientUtf8(payload);
        if (!text.contains("launch-index")) {
            return null;
        }
        try {
            Object doc = UserDataYaml.load(text, (int) Math.min(Integer.MAX_VALUE, limits.maxPartBytes()));
            if (doc instanceof Map<?, ?> m) {
                Object v = m.get("launch-index");
                return LaunchIndex.parse(v) == null ? null : v;
            }
        } catch (UserDataYaml.YamlError e) {
            return null;
        }
        return null;
    }

    /** The part's file name: Content-Disposition {@code filename}, else Content-Type {@code name}. */
    static String filename(List<Header> headers) {
        String fromType = null;
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase("Content-Disposition")) {
                String f = HeaderParams.parse(h.value()).get("filename");
                if (f != null && !f.isBlank()) {
                    return f.strip();
                }
            } else if (h.name().equalsIgnoreCase("Content-Type") && fromType == null) {
                String n = HeaderParams.parse(h.value()).get("name");
                if (n != null && !n.isBlank()) {
                    fromType = n.strip();
                }
            }
        }
        return fromType;
    }

    static String quote(String s) {
        return Text.oneLine(s).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A URL for messages: credentials and query (tokens, signatures) hidden. */
    static String redact(String url) {
        String s = url;
        int scheme = s.indexOf("://");
        if (scheme > 0) {
            int hostStart = scheme + 3;
            int pathStart = s.indexOf('/', hostStart);
            int at = s.lastIndexOf('@', pathStart < 0 ? s.length() - 1 : pathStart);
            if (at >= hostStart) {
                s = s.substring(0, hostStart) + "***@" + s.substring(at + 1);
            }
        }
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q) + "?***";
        }
        return Text.oneLine(s);
    }

    private static String redactMessage(Exception e, String url) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Text.oneLine(m.replace(url, redact(url)));
    }

    private static boolean isBlank(byte[] data) {
        for (byte b : data) {
            if (!(b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c)) {
                return false;
            }
        }
        return true;
    }
}
