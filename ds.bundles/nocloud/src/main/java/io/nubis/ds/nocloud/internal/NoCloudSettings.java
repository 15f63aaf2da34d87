package io.nubis.ds.nocloud.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.DatasourceException;

/**
 * The {@code datasource.NoCloud} section of system config, checked: {@code seedfrom},
 * inline {@code meta-data} / {@code user-data} / {@code vendor-data} / {@code network-config},
 * {@code fs_label} (null turns the volume search off) and the Nubis additions {@code timeout}
 * (seconds per attempt) and {@code retries} for seedfrom URLs.
 */
final class NoCloudSettings {
    /** Section name used in error messages. */
    static final String SECTION = "datasource.NoCloud";
    /** Default filesystem label. */
    static final String DEFAULT_LABEL = "cidata";
    /** Default per-attempt timeout for seedfrom URLs (the reference waits without limit). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default retries after the first attempt, as the reference's url_helper for seeds. */
    static final int DEFAULT_RETRIES = 10;
    /** Upper bounds, so that a config typo cannot stall the boot for hours. */
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    static final int MAX_RETRIES = 100;

    private final Map<String, Object> cfg;

    NoCloudSettings(Map<String, Object> cfg) {
        this.cfg = cfg == null ? Map.of() : cfg;
    }

    /** The configured seedfrom, or null. */
    String seedfrom() throws DatasourceException {
        Object v = cfg.get("seedfrom");
        if (v == null || "".equals(v)) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new DatasourceException(SECTION + ".seedfrom: expected a string, got " + Values.typeName(v));
        }
        return s;
    }

    /** True if both {@code user-data} and {@code meta-data} are given inline, as the reference requires. */
    boolean hasInlineSeed() {
        return cfg.containsKey("user-data") && cfg.containsKey("meta-data");
    }

    /** The inline seed. */
    SeedPart inlineSeed() throws DatasourceException {
        Object md = cfg.get("meta-data");
        Map<String, Object> meta;
        if (md instanceof Map<?, ?> m) {
            meta = new LinkedHashMap<>();
            m.forEach((k, v) -> meta.put(String.valueOf(k), v));
        } else if (md == null) {
            meta = new LinkedHashMap<>();
        } else if (md instanceof String s) {
            meta = SeedYaml.mapping(s.getBytes(StandardCharsets.UTF_8), SECTION + ".meta-data");
        } else {
            throw new DatasourceException(SECTION + ".meta-data: expected a mapping or YAML text, got "
                    + Values.typeName(md));
        }
        Map<String, Object> net = null;
        Object nc = cfg.get("network-config");
        if (nc instanceof Map<?, ?> m) {
            Map<String, Object> n = new LinkedHashMap<>();
            m.forEach((k, v) -> n.put(String.valueOf(k), v));
            net = n;
        } else if (nc instanceof String s) {
            net = SeedYaml.optionalMapping(s.getBytes(StandardCharsets.UTF_8), SECTION + ".network-config");
        } else if (nc != null) {
            throw new DatasourceException(SECTION + ".network-config: expected a mapping or YAML text, got "
                    + Values.typeName(nc));
        }
        return new SeedPart("ds_config", meta, text("user-data", true), text("vendor-data", false), net);
    }

    private byte[] text(String key, boolean required) throws DatasourceException {
        Object v = cfg.get(key);
        if (v == null) {
            return required ? new byte[0] : null;
        }
        if (!(v instanceof String s)) {
            throw new DatasourceException(SECTION + "." + key + ": expected a string, got " + Values.typeName(v));
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > Limits.MAX_SEED_BYTES) {
            throw new DatasourceException(SECTION + "." + key + ": larger than " + Limits.max());
        }
        return b;
    }

    /** The label to search volumes for, or null if the search is off ({@code fs_label: null}). */
    String fsLabel() throws DatasourceException {
        if (!cfg.containsKey("fs_label")) {
            return DEFAULT_LABEL;
        }
        Object v = cfg.get("fs_label");
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new DatasourceException(SECTION + ".fs_label: expected a label or null, got " + Values.typeName(v));
        }
        return s;
    }

    /** Per-attempt timeout for seedfrom URLs. */
    Duration timeout() throws DatasourceException {
        Object v = cfg.get("timeout");
        if (v == null) {
            return DEFAULT_TIMEOUT;
        }
        double seconds;
        if (v instanceof Number n) {
            seconds = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                seconds = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new DatasourceException(SECTION + ".timeout: expected seconds, got '" + s + "'");
            }
        } else {
            throw new DatasourceException(SECTION + ".timeout: expected seconds, got " + Values.typeName(v));
        }
        if (!(seconds > 0) || seconds > MAX_TIMEOUT.toSeconds()) {
            throw new DatasourceException(SECTION + ".timeout: must be more than 0 and at most "
                    + MAX_TIMEOUT.toSeconds() + " seconds, got " + v);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** Retries after the first attempt for seedfrom URLs. */
    int retries() throws DatasourceException {
        Object v = cfg.get("retries");
        if (v == null) {
            return DEFAULT_RETRIES;
        }
        String text = v instanceof Integer || v instanceof Long || v instanceof Short
                ? String.valueOf(v) : v instanceof String str ? str.trim() : null;
        if (text == null || !text.matches("-?\\d{1,9}")) {
            throw new DatasourceException(SECTION + ".retries: expected an integer, got "
                    + (v instanceof String ? "'" + v + "'" : Values.typeName(v)));
        }
        long n = Long.parseLong(text);
        if (n < 0 || n > MAX_RETRIES) {
            throw new DatasourceException(SECTION + ".retries: must be between 0 and " + MAX_RETRIES + ", got " + n);
        }
        return (int) n;
    }
}
