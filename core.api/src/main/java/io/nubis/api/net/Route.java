package io.nubis.api.net;

import java.util.Map;

/**
 * A route, global or for one subnet.
 *
 * @param network destination address without prefix ({@code 0.0.0.0} or {@code ::} for a default route)
 * @param prefix  destination prefix length
 * @param netmask the IPv4 netmask of {@code prefix}, or null for IPv6
 * @param gateway next hop, or null for an on-link route
 * @param metric  metric, or null
 * @param table   routing table, or null for the main table
 * @param raw     the route as written in the config, for keys this model does not name
 *                ({@code on-link}, {@code type}, {@code scope}...)
 */
public record Route(String network, int prefix, String netmask, String gateway, Integer metric, Integer table,
        Map<String, Object> raw) {

    public Route {
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    /** True for an IPv6 destination. */
    public boolean isIpv6() {
        return network.contains(":");
    }

    /** True for a default route ({@code 0.0.0.0/0} or {@code ::/0}). */
    public boolean isDefault() {
        return prefix == 0;
    }
}
