package io.nubis.runtime.internal.userdata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Explodes a {@code #cloud-config-archive}: a YAML list whose items are text (a part of sniffed
 * type, cloud-config by default) or mappings with {@code content} (text or {@code !!binary}),
 * {@code type}, {@code filename}, {@code launch-index} and any other keys, which become headers
 * ({@code Merge-Type}...). As in the reference, the parts are attached as they are: an include,
 * archive or gzip entry is not expanded again.
 */
final class ArchiveExpander {
    /**
     * One archive entry as a part.
     *
     * @param where       {@code ... > archive entry 2}
     * @param contentType bare content type
     * @param headers     Content-Disposition (file name), Launch-Index and the extra keys
     * @param payload     content bytes
     */
    record Entry(String where, String contentType, List<Header> headers, byte[] payload) {
    }

    private static final Set<String> RESERVED = Set.of("content", "filename", "type", "launch-index",
            "content-disposition", "number-attachments", "content-type");
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

    private ArchiveExpander() {
    }

    static List<Entry> expand(byte[] payload, String where, UserDataLimits limits, List<Finding> findings) {
        String text = Text.strictUtf8(payload);
        if (text == null) {
            findings.add(Finding.warning(where, "cloud-config-archive is not valid UTF-8: invalid bytes replaced"));
            text = Text.lenientUtf8(payload);
        }
        Object doc;
        try {
            doc = UserDataYaml.load(text, (int) Math.min(Integer.MAX_VALUE, limits.maxPartBytes()));
        } catch (UserDataYaml.YamlError e) {
            findings.add(Finding.error(where, "cloud-config-archive is not valid YAML (" + e.getMessage()
                    + "): ignored"));
            return List.of();
        }
        if (doc == null) {
            return List.of();
        }
        if (!(doc instanceof List<?> items)) {
            findings.add(Finding.error(where, "cloud-config-archive must be a YAML list of parts, got "
                    + kind(doc) + ": ignored"));
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (Object item : items) {
            i++;
            Entry e = entry(item, where + " > archive entry " + i, findings);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static Entry entry(Object item, String where, List<Finding> findings) {
        Map<?, ?> ent;
        if (item instanceof String s) {
            ent = Map.of("content", s);
        } else if (item instanceof Map<?, ?> m) {
            ent = m;
        } else {
            findings.add(Finding.warning(where, "archive entry is " + kind(item)
                    + ", not text or a mapping: ignored"));
            return null;
        }
        Object content = ent.containsKey("content") ? ent.get("content") : "";
        byte[] bytes;
        if (content == null) {
            bytes = new byte[0];
        } else if (content instanceof String s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
        } else if (content instanceof byte[] b) {
            bytes = b;
        } else {
            findings.add(Finding.error(where, "'content' must be text or !!binary, got " + kind(content)
                    + ": entry ignored"));
            return null;
        }
        Object typeValue = ent.get("type");
        String type;
        if (typeValue == null || typeValue.toString().isEmpty()) {
            String sniffed = ContentTypes.sniff(bytes);
            type = sniffed != null ? sniffed
                    : content instanceof byte[] ? ContentTypes.OCTET_STREAM : ContentTypes.CLOUD_CONFIG;
        } else {
            type = ContentTypes.normalize(typeValue.toString());
            if (type == null) {
                findings.add(Finding.error(where, "'type' '" + Text.oneLine(typeValue.toString())
                        + "' is not a content type (type/subtype): entry ignored"));
                return null;
            }
        }
        List<Header> headers = new ArrayList<>();
        Object filename = ent.get("filename");
        if (filename != null) {
            headers.add(new Header("Content-Disposition", "attachment; filename=\""
                    + Text.oneLine(filename.toString()).replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        }
        if (ent.containsKey("launch-index") && ent.get("launch-index") != null) {
            headers.add(new Header("Launch-Index", Text.oneLine(ent.get("launch-index").toString())));
        }
        for (Map.Entry<?, ?> kv : ent.entrySet()) {
            String name = String.valueOf(kv.getKey());
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Object v = kv.getValue();
            if (!HEADER_NAME.matcher(name).matches()) {
                findings.add(Finding.warning(where, "key '" + Text.oneLine(name)
                        + "' cannot be a MIME header name: ignored"));
                continue;
            }
            if (v instanceof Map || v instanceof List || v instanceof byte[]) {
                findings.add(Finding.warning(where, "header '" + name + "' must be a scalar, got " + kind(v)
                        + ": ignored"));
                continue;
            }
            String value = v == null ? "" : v.toString();
            String clean = Text.oneLine(value);
            if (!clean.equals(value)) {
                findings.add(Finding.warning(where, "header '" + name
                        + "' holds line breaks or control characters: replaced by spaces"));
            }
            headers.add(new Header(name, clean));
        }
        return new Entry(where, type, headers, bytes);
    }

    static String kind(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        if (v instanceof byte[]) {
            return "binary data";
        }
        return v == null ? "null" : "a " + v.getClass().getSimpleName();
    }
}
