package io.nubis.cc.write_files.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * Writes the {@code write_files} entries of one kind (deferred or not) through the target, as
 * the reference's {@code cc_write_files.write_files}: path (relative paths are taken from
 * {@code /}), content decoded by {@code encoding} or fetched from {@code source.uri} (falling
 * back to {@code content}), {@code owner} (default {@code system_info.default_owner}, else
 * {@code root:root}), {@code permissions} (default 0644), {@code append}. A bad entry is
 * reported after the others were written; nothing is half-written because every write is
 * atomic. In update mode {@code append: true} entries are skipped, so that re-running the
 * module changes nothing.
 */
final class FileEntries {
    /** The top-level key. */
    static final String KEY = "write_files";
    /** Mode of a file without {@code permissions}. */
    static final int DEFAULT_PERMS = 0644;
    /** Owner of a file without {@code owner} when {@code system_info.default_owner} is unset. */
    static final String DEFAULT_OWNER = "root:root";

    private final UrlFetcher fetcher;

    FileEntries(UrlFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Writes the entries whose {@code defer} equals {@code deferred}.
     *
     * @throws ModuleException naming every entry that could not be written
     */
    void run(ModuleContext ctx, boolean deferred) throws ModuleException {
        List<Object> items = Values.asList(KEY, ctx.config().asMap().get(KEY));
        List<String> errors = new ArrayList<>();
        Map<Integer, Map<String, Object>> selected = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String key = KEY + "[" + i + "]";
            Object item = items.get(i);
            if (!(item instanceof Map)) {
                if (!deferred) {
                    errors.add(key + ": expected a mapping with a 'path', got " + Values.typeName(item));
                }
                continue;
            }
            try {
                Map<String, Object> m = Values.asMap(key, item);
                Object d = m.get("defer");
                boolean defer = d != null && Values.asBoolean(key + ".defer", d);
                if (defer == deferred) {
                    selected.put(i, m);
                }
            } catch (ConfigException e) {
                if (!deferred) {
                    errors.add(e.getMessage());
                }
            }
        }
        if (selected.isEmpty() && errors.isEmpty()) {
            ctx.log().debug("Skipping module named {}, no/empty '{}' key in configuration", ctx.name(), KEY);
            return;
        }
        String defaultOwner = defaultOwner(ctx);
        for (Map.Entry<Integer, Map<String, Object>> e : selected.entrySet()) {
            String key = KEY + "[" + e.getKey() + "]";
            try {
                write(ctx, key, e.getValue(), defaultOwner);
            } catch (ConfigException | IllegalArgumentException ex) {
                errors.add(ex.getMessage());
            } catch (EntryException ex) {
                errors.add(ex.getMessage());
            } catch (IOException ex) {
                errors.add(key + ": cannot write " + e.getValue().get("path") + ": " + ex.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ModuleException(ctx.name() + ": " + errors.size() + " of the entries failed: "
                    + String.join("; ", errors));
        }
    }

    private void write(ModuleContext ctx, String key, Map<String, Object> m, String defaultOwner)
            throws IOException, EntryException {
        Object p = m.get("path");
        String path = p == null ? "" : Values.asString(key + ".path", p);
        if (path.isEmpty()) {
            throw new EntryException(key + ".path: missing; the entry is not written");
        }
        if (path.indexOf('\0') >= 0) {
            throw new EntryException(key + ".path: contains a NUL character");
        }
        String target = path.startsWith("/") ? path : "/" + path;
        boolean append = m.get("append") != null && Values.asBoolean(key + ".append", m.get("append"));
        if (append && ctx.updateMode()) {
            ctx.log().info("{}: not appending to {} again in update mode ('append: true' is not idempotent)",
                    key, target);
            return;
        }
        byte[] content = content(ctx, key, m);
        if (content == null) {
            ctx.log().warn("{}: no content could be loaded for {}; skipping", key, target);
            return;
        }
        int mode = Permissions.decode(ctx.log(), key + ".permissions", m.get("permissions"), DEFAULT_PERMS);
        String[] ug = userGroup(m.containsKey("owner")
                ? (m.get("owner") == null ? null : Values.asString(key + ".owner", m.get("owner")))
                : defaultOwner);
        TargetRoot t = ctx.target();
        Optional<String> missing = Accounts.missing(t, "/etc/passwd", ug[0]);
        if (missing.isEmpty()) {
            missing = Accounts.missing(t, "/etc/group", ug[1]);
        }
        if (missing.isPresent()) {
            throw new EntryException(key + ".owner: " + missing.get() + "; " + target + " is not written");
        }
        FileAttributes attrs = new FileAttributes(mode, ug[0], ug[1]);
        if (append) {
            t.append(target, content, attrs);
            t.chmod(target, mode);
            t.chown(target, ug[0], ug[1]);
            ctx.log().debug("Appended {} bytes to {}", content.length, target);
        } else if (t.exists(target) && !t.isDirectory(target) && t.mode(target) == mode
                && Arrays.equals(t.read(target), content)) {
            t.chown(target, ug[0], ug[1]);
            ctx.log().debug("{} already has the wanted content and mode", target);
        } else {
            t.write(target, content, attrs);
            ctx.log().debug("Wrote {} bytes to {} (mode {})", content.length, target, Integer.toOctalString(mode));
        }
    }

    /** The content to write; null if the source failed and there is no {@code content}. */
    private byte[] content(ModuleContext ctx, String key, Map<String, Object> m) throws EntryException {
        Map<String, Object> source = Values.asMap(key + ".source", m.get("source"));
        Object u = source.get("uri");
        String uri = u == null ? "" : Values.asString(key + ".source.uri", u);
        Object content = m.get("content");
        boolean useUrl = !uri.isEmpty();
        if (content == null && !useUrl) {
            return new byte[0];
        }
        if (useUrl) {
            Map<String, String> headers = new LinkedHashMap<>();
            Map<String, Object> h = Values.asMap(key + ".source.headers", source.get("headers"));
            for (Map.Entry<String, Object> e : h.entrySet()) {
                headers.put(e.getKey(), Values.asString(key + ".source.headers." + e.getKey(), e.getValue()));
            }
            try {
                return fetcher.fetch(uri, headers, ctx.target());
            } catch (IOException e) {
                ctx.log().warn("{}: failed to retrieve contents from source \"{}\" ({}); falling back to data from"
                        + " the \"content\" key", key, withoutQuery(uri), e.getMessage());
            }
        }
        if (content == null) {
            return null;
        }
        byte[] raw;
        if (content instanceof byte[] b) {
            raw = b;
        } else if (content instanceof String s) {
            raw = ContentDecoder.utf8(s);
        } else {
            throw new EntryException(key + ".content: expected a string or binary data, got " + Values.typeName(content));
        }
        Object enc = m.get("encoding");
        String encoding = enc == null ? "" : Values.asString(key + ".encoding", enc);
        List<ContentDecoder.Step> steps = ContentDecoder.steps(encoding);
        if (steps == null) {
            ctx.log().warn("{}.encoding: unknown encoding type {}, assuming text/plain", key, encoding);
            steps = List.of();
        }
        try {
            return ContentDecoder.decode(raw, steps);
        } catch (IOException e) {
            throw new EntryException(key + ".content: cannot decode with encoding '" + encoding + "': "
                    + e.getMessage() + "; " + m.get("path") + " is not written");
        }
    }

    /** The reference's {@code extract_usergroup}: {@code user[:group]}, empty, {@code -1} and {@code none} meaning unchanged. */
    static String[] userGroup(String spec) {
        if (spec == null || spec.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = spec.indexOf(':');
        String u = (colon < 0 ? spec : spec.substring(0, colon)).strip();
        String g = colon < 0 ? null : spec.substring(colon + 1).strip();
        return new String[] {unset(u) ? null : u, unset(g) ? null : g};
    }

    private static boolean unset(String s) {
        return s == null || s.isEmpty() || s.equals("-1") || s.equalsIgnoreCase("none");
    }

    private static String defaultOwner(ModuleContext ctx) {
        if (ctx.config().asMap().get("system_info") instanceof Map<?, ?> si && si.get("default_owner") != null) {
            return Values.asString("system_info.default_owner", si.get("default_owner"));
        }
        return DEFAULT_OWNER;
    }

    /** A URI for the log: without user info and query, which may hold credentials. */
    static String withoutQuery(String uri) {
        String s = uri;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q) + "?...";
        }
        int scheme = s.indexOf("://");
        int at = s.indexOf('@');
        int slash = scheme < 0 ? -1 : s.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (slash < 0 || at < slash)) {
            s = s.substring(0, scheme + 3) + "..." + s.substring(at);
        }
        return s;
    }

    /** One entry could not be written; the message names it. */
    static final class EntryException extends Exception {
        private static final long serialVersionUID = 1L;

        EntryException(String message) {
            super(message);
        }
    }
}
