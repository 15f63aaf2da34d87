package io.nubis.adapter.networkd.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code .netdev} or {@code .link} file: sections and lines in the order they were added. */
final class UnitFile {
    private final Map<String, List<String>> sections = new LinkedHashMap<>();

    UnitFile put(String section, String key, Object value) {
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(key + "=" + value);
        return this;
    }

    /** Declares a section so that it comes at this place even if its lines are added later. */
    UnitFile section(String section) {
        sections.computeIfAbsent(section, s -> new ArrayList<>());
        return this;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sections.forEach((name, lines) -> {
            if (!lines.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append('[').append(name).append("]\n");
                lines.forEach(l -> sb.append(l).append('\n'));
            }
        });
        return sb.toString();
    }
}
