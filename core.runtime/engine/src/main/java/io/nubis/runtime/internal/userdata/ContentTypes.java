package io.nubis.runtime.internal.userdata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The content types user-data parts can have, and type detection from a payload's first bytes. */
final class ContentTypes {
    static final String CLOUD_CONFIG = "text/cloud-config";
    static final String CLOUD_CONFIG_JSONP = "text/cloud-config-jsonp";
    static final String CLOUD_CONFIG_ARCHIVE = "text/cloud-config-archive";
    static final String SHELLSCRIPT = "text/x-shellscript";
    static final String SHELLSCRIPT_PER_BOOT = "text/x-shellscript-per-boot";
    static final String SHELLSCRIPT_PER_INSTANCE = "text/x-shellscript-per-instance";
    static final String SHELLSCRIPT_PER_ONCE = "text/x-shellscript-per-once";
    static final String BOOTHOOK = "text/cloud-boothook";
    static final String INCLUDE_URL = "text/x-include-url";
    static final String INCLUDE_ONCE_URL = "text/x-include-once-url";
    static final String JINJA2 = "text/jinja2";
    static final String PART_HANDLER = "text/part-handler";
    static final String NOT_MULTIPART = "text/x-not-multipart";
    static final String TEXT_PLAIN = "text/plain";
    static final String OCTET_STREAM = "application/octet-stream";

    /** Types whose payload is looked at to find the real type (the reference's TYPE_NEEDED + shellscript). */
    static final Set<String> SNIFFED = Set.of(TEXT_PLAIN, NOT_MULTIPART, SHELLSCRIPT);

    /** Declared gzip types: the payload is decompressed and its type sniffed. */
    static final Set<String> GZIP = Set.of("application/gzip", "application/gzip-compressed", "application/gzipped",
            "application/x-compress", "application/x-compressed", "application/x-gunzip", "application/x-gzip",
            "application/x-gzip-compressed");

    /** Start-of-payload markers, longest first, so that {@code #include-once} wins over {@code #include}. */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("#cloud-config-archive", CLOUD_CONFIG_ARCHIVE),
            Map.entry("#cloud-config-jsonp", CLOUD_CONFIG_JSONP),
            Map.entry("## template: jinja", JINJA2),
            Map.entry("#cloud-boothook", BOOTHOOK),
            Map.entry("#include-once", INCLUDE_ONCE_URL),
            Map.entry("#part-handler", PART_HANDLER),
            Map.entry("#cloud-config", CLOUD_CONFIG),
            Map.entry("#include", INCLUDE_URL),
            Map.entry("#!", SHELLSCRIPT));

    private ContentTypes() {
    }

    /**
     * The type a payload announces by its start (after leading white space, ignoring case), or
     * null: the reference's {@code type_from_starts_with}.
     */
    static String sniff(byte[] payload) {
        int i = 0;
        while (i < payload.length && isSpace(payload[i])) {
            i++;
        }
        int n = Math.min(payload.length - i, 32);
        String start = new String(payload, i, Math.max(n, 0), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : PREFIXES) {
            if (start.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The same on text. */
    static String sniff(String text) {
        return sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == 0x0c
                || (b >= 0x1c && b <= 0x1f);
    }

    /** A bare, lower-case {@code type/subtype}, or null if the value is not one. */
    static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int semi = v.indexOf(';');
        if (semi >= 0) {
            v = v.substring(0, semi).strip();
        }
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1 || v.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"[]?=".indexOf(c) >= 0) {
                return null;
            }
        }
        return v;
    }
}
