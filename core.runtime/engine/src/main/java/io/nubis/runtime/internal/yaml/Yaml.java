package io.nubis.runtime.internal.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Safe YAML for the whole engine. Loading gives plain Java data only: {@code LinkedHashMap} with
 * string keys, {@code ArrayList}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger},
 * {@code Double}, {@code Boolean}, {@code byte[]} (for {@code !!binary}) and null. YAML 1.1 scalars
 * resolve as in PyYAML's {@code safe_load} ({@code yes}/{@code on} are booleans, {@code 0644} is
 * octal), except that timestamps stay strings. No custom or language tags, bounded aliases, depth
 * and size ({@link YamlLimits}). Dumping mirrors cloud-init's {@code yaml.safe_dump(indent=4,
 * default_flow_style=False)}: block style, keys sorted.
 *
 * <p>This class does not refer to SnakeYAML itself; the parser's classes are loaded on the first
 * call that really parses or dumps.
 */
public final class Yaml {
    private Yaml() {
    }

    /** Parses one document with the default limits; an empty document is null. */
    public static Object load(String text, String source) {
        return load(text, source, YamlLimits.DEFAULT);
    }

    /** Parses one document; an empty document is null. */
    public static Object load(String text, String source, YamlLimits limits) {
        return SnakeYamlSupport.load(text, source, limits);
    }

    /**
     * Parses a document whose top level must be a mapping. An empty document (or comments only)
     * is an empty mapping; any other top level is a {@link YamlException}.
     */
    public static Map<String, Object> loadMapping(String text, String source) {
        return loadMapping(text, source, YamlLimits.DEFAULT);
    }

    /** {@link #loadMapping(String, String)} with explicit limits. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadMapping(String text, String source, YamlLimits limits) {
        Object data = load(text, source, limits);
        if (data == null) {
            return new LinkedHashMap<>();
        }
        if (data instanceof Map) {
            return (Map<String, Object>) data;
        }
        throw new YamlException(source, 1, 1, "top level must be a mapping, got " + kind(data));
    }

    /** Block-style YAML, keys sorted, 4-space indentation, no document markers. */
    public static String dump(Object data) {
        return SnakeYamlSupport.dump(data, false);
    }

    /** Like {@link #dump(Object)} but between {@code ---} and {@code ...} markers, as cloud-init writes files. */
    public static String dumpDocument(Object data) {
        return SnakeYamlSupport.dump(data, true);
    }

    static String kind(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof java.util.List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
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
        return v == null ? "null" : v.getClass().getSimpleName();
    }
}
