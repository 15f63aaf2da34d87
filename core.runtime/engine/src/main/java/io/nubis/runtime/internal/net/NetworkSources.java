package io.nubis.runtime.internal.net;

import java.util.Map;
import java.util.Optional;

import io.nubis.api.target.TargetRoot;

/**
 * Where the network config comes from, as the reference's {@code _find_networking_config}: the
 * first of the kernel command line ({@code network-config=}), a klibc initramfs's files
 * ({@link KlibcConfig}), the system config's
 * {@code network:} and the datasource's network config that is set, else the fallback config. A
 * {@code {config: disabled}} met first, or the {@code upgraded-network} marker in the data
 * directory, disables network configuration.
 */
public final class NetworkSources {
    /** Where a config came from; {@link #id()} is the reference's {@code NetworkConfigSource} value. */
    public enum Source {
        CMDLINE("cmdline"), INITRAMFS("initramfs"), SYSTEM_CFG("system_cfg"), DS("ds"), FALLBACK("fallback");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * The outcome.
     *
     * @param config   the config (with its {@code network:} wrapper removed), or empty when disabled
     *                 or when the fallback found no NIC
     * @param source   where it came from (for a disabled config: what disabled it)
     * @param origin   a label for messages: the file or option it came from
     * @param disabled true if network configuration is disabled
     */
    public record Choice(Optional<Map<String, Object>> config, Source source, String origin, boolean disabled) {
    }

    private NetworkSources() {
    }

    /**
     * Chooses.
     *
     * @param cmdline      the decoded {@code network-config=} of the kernel command line, if any
     * @param initramfs    the initramfs's config, if any
     * @param systemConfig the merged system config
     * @param systemOrigin label of the system config for messages
     * @param dsConfig     the datasource's network config, or null
     * @param dsOrigin     label of the datasource for messages
     * @param upgradedMarker the data directory's {@code upgraded-network} path
     */
    public static Choice choose(TargetRoot target, Optional<Map<String, Object>> cmdline,
            Optional<Map<String, Object>> initramfs, Map<String, Object> systemConfig, String systemOrigin, Map<String, Object> dsConfig, String dsOrigin,
            String upgradedMarker, SysNet sys) {
        if (target.exists(upgradedMarker)) {
            return new Choice(Optional.empty(), Source.SYSTEM_CFG, upgradedMarker, true);
        }
        Object[][] order = {
                {Source.CMDLINE, cmdline.orElse(null), "kernel command line (network-config=)"},
                {Source.INITRAMFS, initramfs.orElse(null), "initramfs (/run/net-*.conf)"},
                {Source.SYSTEM_CFG, systemConfig.get("network"), systemOrigin},
                {Source.DS, dsConfig, dsOrigin}};
        for (Object[] o : order) {
            Object cfg = o[1];
            if (!(cfg instanceof Map<?, ?> m) || m.isEmpty()) {
                continue;
            }
            Map<String, Object> unwrapped = unwrap(m);
            if ("disabled".equals(unwrapped.get("config"))) {
                return new Choice(Optional.empty(), (Source) o[0], (String) o[2], true);
            }
            return new Choice(Optional.of(unwrapped), (Source) o[0], (String) o[2], false);
        }
        return new Choice(FallbackNetwork.generate(sys), Source.FALLBACK, "fallback config", false);
    }

    /** {@code {network: {...}}} is the same as {@code {...}}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> unwrap(Map<?, ?> m) {
        if (m.size() == 1 && m.get("network") instanceof Map<?, ?> inner) {
            return (Map<String, Object>) inner;
        }
        return (Map<String, Object>) m;
    }
}
