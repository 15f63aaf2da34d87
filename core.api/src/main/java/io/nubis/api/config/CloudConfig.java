package io.nubis.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merged cloud-config as plain YAML data (maps, lists, strings, numbers, booleans, null),
 * with typed accessors whose errors name the key, and the provenance of each top-level key.
 */
public interface CloudConfig {
    /** The whole merged document, unmodifiable. */
    Map<String, Object> asMap();

    /**
     * Where a top-level key was last set: a file path, or a user-data part such as
     * {@code user-data part 2 (text/cloud-config)}; empty if the key is absent.
     */
    Optional<String> sourceOf(String key);

    /** The value of a top-level key, if present and not null. */
    default Optional<Object> get(String key) {
        return Optional.ofNullable(asMap().get(key));
    }

    /** True if the key is present with a non-null value. */
    default boolean has(String key) {
        return asMap().get(key) != null;
    }

    /** A string value; numbers and booleans are given as their YAML text. */
    default Optional<String> string(String key) {
        return get(key).map(v -> Values.asString(key, v));
    }

    /** A boolean with the reference's truthiness for strings ({@code true}, {@code yes}, {@code on}, {@code 1}). */
    default boolean bool(String key, boolean fallback) {
        return get(key).map(v -> Values.asBoolean(key, v)).orElse(fallback);
    }

    /** A mapping value; a non-mapping is a {@link ConfigException} naming the key. */
    default Map<String, Object> map(String key) {
        return get(key).map(v -> Values.asMap(key, v)).orElse(Collections.emptyMap());
    }

    /** A list value; a single scalar is a one-element list. */
    default List<Object> list(String key) {
        return get(key).map(v -> Values.asList(key, v)).orElse(Collections.emptyList());
    }

    /** A list of strings; a single string is a one-element list. */
    default List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Object> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            out.add(Values.asString(key + "[" + i + "]", items.get(i)));
        }
        return out;
    }
}
