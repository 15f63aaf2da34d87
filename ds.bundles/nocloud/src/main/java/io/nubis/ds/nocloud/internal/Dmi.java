package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;

import io.nubis.api.target.TargetRoot;

/**
 * DMI values from {@code /sys/class/dmi/id} of the target, and the {@code __dmi.<key>__}
 * substitution the reference applies to {@code seedfrom} (keys use dmidecode names).
 */
final class Dmi {
    /** Where the kernel publishes DMI fields. */
    static final String SYSFS = "/sys/class/dmi/id/";

    /** dmidecode key to sysfs file name. */
    static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("baseboard-asset-tag", "board_asset_tag"),
            Map.entry("baseboard-manufacturer", "board_vendor"),
            Map.entry("baseboard-product-name", "board_name"),
            Map.entry("baseboard-serial-number", "board_serial"),
            Map.entry("baseboard-version", "board_version"),
            Map.entry("bios-release-date", "bios_date"),
            Map.entry("bios-vendor", "bios_vendor"),
            Map.entry("bios-version", "bios_version"),
            Map.entry("chassis-asset-tag", "chassis_asset_tag"),
            Map.entry("chassis-manufacturer", "chassis_vendor"),
            Map.entry("chassis-serial-number", "chassis_serial"),
            Map.entry("chassis-version", "chassis_version"),
            Map.entry("system-manufacturer", "sys_vendor"),
            Map.entry("system-product-name", "product_name"),
            Map.entry("system-serial-number", "product_serial"),
            Map.entry("system-uuid", "product_uuid"),
            Map.entry("system-version", "product_version"));

    private static final Pattern VAR = Pattern.compile("__dmi\\.([^_]+)__");

    private Dmi() {
    }

    /** A sysfs DMI field, trimmed; empty if absent, blank or unreadable. */
    static Optional<String> read(TargetRoot target, String sysfsName, Logger log) {
        String path = SYSFS + sysfsName;
        try {
            if (!target.exists(path)) {
                return Optional.empty();
            }
            String v = new String(target.read(path), StandardCharsets.UTF_8).trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            log.debug("cannot read {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** Replaces every {@code __dmi.<key>__} with the field's value (empty if unknown to the machine). */
    static String substitute(String src, TargetRoot target, Logger log) {
        if (!src.contains("__")) {
            return src;
        }
        Matcher m = VAR.matcher(src);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String sysfs = KEYS.get(key);
            String value;
            if (sysfs == null) {
                log.warn("Ignoring invalid __dmi.{}__ in {}. Expected one of: {}.", key, src,
                        new TreeMap<>(KEYS).keySet());
                value = m.group();
            } else {
                value = read(target, sysfs, log).orElse("");
                log.debug("Replacing __dmi.{}__ in '{}' with '{}'.", key, src, value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
