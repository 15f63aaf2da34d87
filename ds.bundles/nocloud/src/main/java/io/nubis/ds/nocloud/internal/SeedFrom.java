package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.datasource.DatasourceException;

/**
 * A {@code seedfrom} location: a local path ({@code /...} or {@code file://...}, read inside the
 * target) or an http(s) URL (fetched through the context with bounded timeout and retries).
 * {@code meta-data} and {@code user-data} are required there, {@code vendor-data} and
 * {@code network-config} optional. A location holding {@code %s} has the file name put in its
 * place; any other location gets the file name appended, after a {@code /} if it lacks one.
 */
final class SeedFrom {
    /** What a seedfrom value points at. */
    enum Kind {
        /** {@code /path/} or {@code file:///path/}. */
        LOCAL,
        /** {@code http://} or {@code https://}. */
        NETWORK,
        /** {@code ftp://} or {@code ftps://}: the reference reads them, Nubis does not. */
        FTP,
        /** Anything else. */
        UNSUPPORTED
    }

    private SeedFrom() {
    }

    /** Classifies a seedfrom value by its start. */
    static Kind kind(String seedfrom) {
        String s = seedfrom.toLowerCase(Locale.ROOT);
        if (seedfrom.startsWith("/") || s.startsWith("file://")) {
            return Kind.LOCAL;
        }
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return Kind.NETWORK;
        }
        if (s.startsWith("ftp://") || s.startsWith("ftps://")) {
            return Kind.FTP;
        }
        return Kind.UNSUPPORTED;
    }

    /** The location with any {@code user:password@} removed, for logs, errors and the subplatform. */
    static String display(String location) {
        int scheme = location.indexOf("://");
        if (scheme < 0) {
            return location;
        }
        int start = scheme + 3;
        int end = location.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = location.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int at = location.lastIndexOf('@', end - 1);
        return at >= start ? location.substring(0, start) + location.substring(at + 1) : location;
    }

    /** Where the file {@code name} of the seed at {@code base} lives. */
    static String location(String base, String name) {
        if (base.contains("%s")) {
            return base.replaceFirst("%s", name);
        }
        boolean urlWithQuery = kind(base) != Kind.LOCAL && (base.contains("?") || base.contains("#"));
        if (base.endsWith("/") || urlWithQuery) {
            return base + name;
        }
        return base + "/" + name;
    }

    /**
     * Reads the seed at a LOCAL or NETWORK location.
     *
     * @param origin how the seed is named in the subplatform
     */
    static SeedPart read(DatasourceContext ctx, String base, String origin, Duration timeout, int retries)
            throws DatasourceException {
        Kind kind = kind(base);
        if (kind != Kind.LOCAL && kind != Kind.NETWORK) {
            throw new IllegalArgumentException("not a readable seedfrom: " + display(base));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(SeedFiles.REQUIRED);
        names.addAll(SeedFiles.OPTIONAL);
        Map<String, String> where = new LinkedHashMap<>();
        for (String name : names) {
            String loc = location(base, name);
            where.put(name, display(loc));
            byte[] b = kind == Kind.LOCAL ? readLocal(ctx, loc) : fetch(ctx, loc, timeout, retries);
            if (b != null) {
                files.put(name, b);
            } else if (SeedFiles.REQUIRED.contains(name)) {
                throw new DatasourceException("seedfrom " + display(base) + ": " + display(loc) + " not found");
            }
        }
        Map<String, Object> md = SeedYaml.mapping(files.get("meta-data"), where.get("meta-data"));
        Map<String, Object> net = files.containsKey("network-config")
                ? SeedYaml.optionalMapping(files.get("network-config"), where.get("network-config")) : null;
        return new SeedPart(origin, md, files.get("user-data"), files.get("vendor-data"), net);
    }

    private static byte[] readLocal(DatasourceContext ctx, String loc) throws DatasourceException {
        String path = loc;
        if (loc.regionMatches(true, 0, "file://", 0, 7)) {
            try {
                URI uri = new URI(loc);
                path = uri.getPath();
            } catch (URISyntaxException e) {
                path = loc.substring(7);
            }
        }
        if (path == null || !path.startsWith("/")) {
            throw new DatasourceException("seedfrom " + loc + ": not an absolute path");
        }
        return SeedFiles.readFile(ctx.target(), path);
    }

    private static byte[] fetch(DatasourceContext ctx, String loc, Duration timeout, int retries)
            throws DatasourceException {
        URI uri;
        try {
            uri = new URI(loc);
        } catch (URISyntaxException e) {
            throw new DatasourceException("seedfrom " + display(loc) + ": not a valid URL: " + e.getReason(), e);
        }
        Optional<byte[]> body;
        try {
            body = ctx.fetch(uri, timeout, retries);
        } catch (IOException e) {
            throw new DatasourceException("seedfrom " + display(loc) + ": failed after " + (retries + 1)
                    + " attempt(s) with a " + timeout.toMillis() + " ms timeout each: " + e.getMessage(), e);
        }
        if (body.isPresent() && body.get().length > Limits.MAX_SEED_BYTES) {
            throw new DatasourceException("seedfrom " + display(loc) + ": larger than " + Limits.max()
                    + " (" + body.get().length + " bytes)");
        }
        return body.orElse(null);
    }
}
