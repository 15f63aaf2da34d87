package io.nubis.adapter.networkmanager.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A NetworkManager keyfile being built: sections and keys in the order they were first set,
 * written as the reference writes them ({@code key=value}, a blank line after each section).
 */
final class KeyFile {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    /** Sets a key, creating its section at the end if it is new. */
    void set(String section, String key, String value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, value);
    }

    /** Sets a key unless it is set already. */
    void setDefault(String section, String key, String value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).putIfAbsent(key, value);
    }

    /** Empties a section, keeping its place, or adds it empty at the end. */
    void reset(String section) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).clear();
    }

    String get(String section, String key) {
        Map<String, String> s = sections.get(section);
        return s == null ? null : s.get(key);
    }

    boolean has(String section, String key) {
        return get(section, key) != null;
    }

    /** The keyfile's text after {@code header}. */
    String render(String header) {
        StringBuilder sb = new StringBuilder(header);
        sections.forEach((name, keys) -> {
            sb.append('[').append(name).append("]\n");
            keys.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\n", "\n\t")).append('\n'));
            sb.append('\n');
        });
        return sb.toString();
    }
}
