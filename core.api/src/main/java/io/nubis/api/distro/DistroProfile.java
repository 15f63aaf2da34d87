package io.nubis.api.distro;

import java.util.Map;

/**
 * A distro profile: the distro's identity, its built-in cloud.cfg defaults and the names of
 * the adapters it uses. Registered as a DS service whose properties carry
 * {@code nubis.distro}, {@code family}, {@code variant} and one property per adapter namespace
 * ({@code nubis.initsystem=systemd}, ...), so the runtime can wire adapters by name.
 */
public interface DistroProfile {
    /** Distro name as in {@code system_info.distro} ({@code debian}). */
    String name();

    /** Family ({@code debian} for Ubuntu and Debian). */
    String family();

    /** Variant as in {@code system_info.variant}. */
    String variant();

    /**
     * Built-in defaults, as cloud.cfg YAML: {@code system_info} (default user, paths, service
     * names), module lists per stage, datasource list. System config files merge over it.
     */
    String defaultConfig();

    /**
     * The distro's name for a logical service ({@code ssh} is {@code ssh} on Debian and
     * {@code sshd} elsewhere); unknown names are returned unchanged.
     */
    default String serviceName(String logical) {
        return serviceNames().getOrDefault(logical, logical);
    }

    /** Logical service name to distro service name. */
    Map<String, String> serviceNames();
}
