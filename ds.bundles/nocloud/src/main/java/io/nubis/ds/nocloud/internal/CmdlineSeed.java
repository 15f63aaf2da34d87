package io.nubis.ds.nocloud.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ds=nocloud[;key=value...]} syntax of the kernel command line and of the DMI system
 * serial number. Short keys {@code h}, {@code i}, {@code s} stand for {@code local-hostname},
 * {@code instance-id} and {@code seedfrom}; any other key is kept as written, and a key without
 * {@code =} gets a null value. Unless {@code dsmode} is given, it follows the seedfrom scheme
 * (network URLs: {@code net}, local paths: {@code local}), else the name ({@code nocloud}:
 * {@code local}, {@code nocloud-net}: {@code net}).
 */
final class CmdlineSeed {
    private static final Map<String, String> LONG_KEYS =
            Map.of("h", "local-hostname", "i", "instance-id", "s", "seedfrom");

    private CmdlineSeed() {
    }

    /** Parses whitespace-separated text (a DMI serial) the same way as kernel command line words. */
    static Optional<Map<String, Object>> parse(String text) {
        return parse(List.of(text.trim().split("\\s+")));
    }

    /** The meta-data the words give, or empty if no word selects NoCloud. */
    static Optional<Map<String, Object>> parse(List<String> words) {
        Optional<Map<String, Object>> md = parse(words, "ds=nocloud", "local");
        return md.isPresent() ? md : parse(words, "ds=nocloud-net", "net");
    }

    private static Optional<Map<String, Object>> parse(List<String> words, String id, String idMode) {
        String selected = null;
        for (String w : words) {
            if (w.equals(id) || w.startsWith(id + ";")) {
                selected = w;
            }
        }
        if (selected == null) {
            return Optional.empty();
        }
        Map<String, Object> fill = new LinkedHashMap<>();
        String[] items = selected.split(";", -1);
        for (int i = 1; i < items.length; i++) {
            String item = items[i];
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String k = eq < 0 ? item : item.substring(0, eq);
            String v = eq < 0 ? null : item.substring(eq + 1);
            fill.put(LONG_KEYS.getOrDefault(k, k), v);
        }
        if (!fill.containsKey("dsmode")) {
            Object seedfrom = fill.get("seedfrom");
            if (seedfrom instanceof String s && !s.isEmpty()) {
                SeedFrom.Kind kind = SeedFrom.kind(s);
                if (kind == SeedFrom.Kind.NETWORK || kind == SeedFrom.Kind.FTP) {
                    fill.put("dsmode", "net");
                } else if (kind == SeedFrom.Kind.LOCAL) {
                    fill.put("dsmode", "local");
                }
            } else {
                fill.put("dsmode", idMode);
            }
        }
        return Optional.of(fill);
    }
}
