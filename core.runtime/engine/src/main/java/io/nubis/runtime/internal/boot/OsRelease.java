package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.target.TargetRoot;

/**
 * The target's {@code /etc/os-release} (else {@code /usr/lib/os-release}): {@code KEY=value}
 * lines with optional quotes.
 *
 * @param fields every key and its unquoted value
 */
public record OsRelease(Map<String, String> fields) {
    /** Reads the target's os-release; empty fields if there is none. */
    public static OsRelease read(TargetRoot target) {
        for (String p : new String[] {"/etc/os-release", "/usr/lib/os-release"}) {
            try {
                Optional<String> text = target.readString(p);
                if (text.isPresent()) {
                    return parse(text.get());
                }
            } catch (IOException e) {
                // try the next one
            }
        }
        return new OsRelease(Map.of());
    }

    static OsRelease parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            String v = l.substring(eq + 1).strip();
            if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            m.put(l.substring(0, eq), v);
        }
        return new OsRelease(m);
    }

    /** {@code ID}. */
    public Optional<String> id() {
        return Optional.ofNullable(fields.get("ID"));
    }

    /** A field, or null. */
    public String get(String key) {
        return fields.get(key);
    }
}
