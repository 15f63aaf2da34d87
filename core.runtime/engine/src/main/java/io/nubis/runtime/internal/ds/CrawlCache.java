package io.nubis.runtime.internal.ds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.state.JsonFiles;

/**
 * The crawled datasource data kept in the instance directory between stages and boots
 * ({@code obj.json}, mode 0600: it holds user-data), in place of the reference's pickled
 * {@code obj.pkl}: plain JSON, so a newer agent can read what an older one wrote and nothing in
 * it can run code. Raw user-data and vendor-data are base64; binary values inside meta-data or
 * network-config are {@code ci-b64:} strings, as in instance data.
 */
public final class CrawlCache {
    /** Format version written; readers refuse other versions. */
    public static final int VERSION = 1;
    static final String B64 = "ci-b64:";

    private CrawlCache() {
    }

    /** Writes the data atomically, 0600. */
    public static void write(TargetRoot target, String path, CrawledData d, String stage) throws IOException {
        JsonFiles.write(target, path, toJson(d, stage), FileAttributes.PRIVATE);
    }

    /**
     * Reads a cache file; empty if there is none.
     *
     * @throws IOException if it exists but is unreadable or not a cache of this version
     */
    public static Optional<CrawledData> read(TargetRoot target, String path) throws IOException {
        Optional<Map<String, Object>> m = JsonFiles.readObject(target, path);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromJson(m.get(), path));
    }

    static Map<String, Object> toJson(CrawledData d, String stage) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", VERSION);
        m.put("ds_name", d.dsName());
        m.put("subplatform", d.subplatform());
        m.put("dsmode", d.dsmode());
        m.put("crawled_in_stage", stage);
        m.put("metadata", encode(d.metadata()));
        m.put("user_data", bytes(d.userData()));
        m.put("vendor_data", bytes(d.vendorData()));
        m.put("vendor_data2", bytes(d.vendorData2()));
        m.put("network_config", encode(d.networkConfig()));
        return m;
    }

    @SuppressWarnings("unchecked")
    static CrawledData fromJson(Map<String, Object> m, String source) throws IOException {
        Object v = m.get("version");
        if (!(v instanceof Number n) || n.intValue() != VERSION) {
            throw new IOException(source + ": not a datasource cache of version " + VERSION);
        }
        Object name = m.get("ds_name");
        if (!(name instanceof String dsName) || dsName.isEmpty()) {
            throw new IOException(source + ": ds_name missing");
        }
        Object md = decode(m.get("metadata"));
        if (!(md instanceof Map)) {
            throw new IOException(source + ": metadata is not an object");
        }
        Object net = decode(m.get("network_config"));
        return new CrawledData(dsName, str(m.get("subplatform")), (Map<String, Object>) md,
                unbytes(m.get("user_data"), source), unbytes(m.get("vendor_data"), source),
                unbytes(m.get("vendor_data2"), source), net instanceof Map ? (Map<String, Object>) net : null,
                m.get("dsmode") == null ? "net" : String.valueOf(m.get("dsmode")));
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static String bytes(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unbytes(Object o, String source) throws IOException {
        if (o == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(String.valueOf(o));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": bad base64 data");
        }
    }

    /** Binary values to {@code ci-b64:} strings, recursively. */
    public static Object encode(Object v) {
        if (v instanceof byte[] b) {
            return B64 + Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), encode(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(encode(x));
            }
            return out;
        }
        return v;
    }

    /** {@code ci-b64:} strings back to bytes, recursively. */
    static Object decode(Object v) {
        if (v instanceof String s && s.startsWith(B64)) {
            try {
                return Base64.getDecoder().decode(s.substring(B64.length()));
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), decode(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(decode(x));
            }
            return out;
        }
        return v;
    }
}
