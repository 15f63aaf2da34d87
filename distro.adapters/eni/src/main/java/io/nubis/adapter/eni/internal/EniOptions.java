package io.nubis.adapter.eni.internal;

import java.util.Map;

import io.nubis.api.net.support.GeneratedHeader;

/**
 * The renderer's options ({@code system_info.network.renderer_configs.eni}), with the reference's
 * keys and defaults.
 *
 * @param eniPath      where the interfaces file goes ({@code eni_path})
 * @param header       text written before the stanzas ({@code eni_header}), empty for none
 * @param netrulesPath the udev persistent-net rules file ({@code netrules_path}), or null to write none
 * @param dialect      which ifupdown reads the file ({@code dialect})
 */
record EniOptions(String eniPath, String header, String netrulesPath, Dialect dialect) {

    /** The file every ifupdown reads first; never deleted by {@code clean}, since the probe needs it. */
    static final String MAIN_INTERFACES = "/etc/network/interfaces";
    /** Debian's drop-in for cloud-init's stanzas. */
    static final String DEBIAN_ENI_PATH = "/etc/network/interfaces.d/50-cloud-init";
    static final String NETRULES_PATH = "/etc/udev/rules.d/70-persistent-net.rules";

    /** The header Debian and Ubuntu write. */
    static final String DEBIAN_HEADER = GeneratedHeader.TWO_SPACES;

    /** The header Alpine writes: one space after each full stop, and a blank line after it. */
    static final String ALPINE_HEADER = GeneratedHeader.ONE_SPACE + "\n";

    /**
     * Reads the options. A key that is absent takes its default: for the ifupdown dialect
     * Debian's path and header, for the busybox dialect Alpine's ({@code /etc/network/interfaces}
     * itself); {@code netrules_path} defaults to the udev rules file. A key given as null or an
     * empty string means none: no header, no rules file.
     */
    static EniOptions of(Map<String, Object> options) {
        Map<String, Object> o = options == null ? Map.of() : options;
        Dialect dialect = Dialect.of(o.get("dialect"));
        boolean busybox = dialect == Dialect.BUSYBOX;
        String eniPath = text(o, "eni_path", busybox ? MAIN_INTERFACES : DEBIAN_ENI_PATH);
        if (eniPath == null) {
            throw new IllegalArgumentException("eni: eni_path must name a file");
        }
        String header = text(o, "eni_header", busybox ? ALPINE_HEADER : DEBIAN_HEADER);
        String netrules = text(o, "netrules_path", NETRULES_PATH);
        return new EniOptions(absolute(eniPath), header == null ? "" : header,
                netrules == null ? null : absolute(netrules), dialect);
    }

    /** The option as text; the default if absent, null if given as null or empty. */
    private static String text(Map<String, Object> o, String key, String fallback) {
        if (!o.containsKey(key)) {
            return fallback;
        }
        Object v = o.get(key);
        return v == null || v.toString().isEmpty() ? null : v.toString();
    }

    /** The reference joins its paths to the target root, so {@code etc/network/interfaces} is absolute too. */
    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
