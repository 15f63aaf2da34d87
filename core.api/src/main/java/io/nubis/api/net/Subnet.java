package io.nubis.api.net;

import java.util.List;
import java.util.Map;

/**
 * One way an interface gets addresses: DHCP, SLAAC, or a static address.
 *
 * @param type    the version 1 subnet type: {@code dhcp} or {@code dhcp4}, {@code dhcp6},
 *                {@code static}, {@code static6}, {@code ipv6_slaac},
 *                {@code ipv6_dhcpv6-stateless}, {@code ipv6_dhcpv6-stateful} or {@code manual}
 * @param address static address without prefix, or null
 * @param prefix  prefix length of a static address, or null
 * @param netmask IPv4 netmask of {@code prefix}, or null
 * @param gateway gateway, or null
 * @param dns     name servers and search domains given for this subnet
 * @param routes  routes through this subnet
 * @param control ENI's {@code auto}, {@code hotplug} or {@code manual}, or null for the default
 * @param raw     the subnet as written in the config (version 1 keys), for keys this model does not name
 */
public record Subnet(String type, String address, Integer prefix, String netmask, String gateway, Dns dns,
        List<Route> routes, String control, Map<String, Object> raw) {

    public Subnet {
        dns = dns == null ? Dns.NONE : dns;
        routes = List.copyOf(routes);
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    /** True for {@code static} and {@code static6}. */
    public boolean isStatic() {
        return type.equals("static") || type.equals("static6");
    }

    /** True for {@code dhcp} and {@code dhcp4}. */
    public boolean isDhcp4() {
        return type.equals("dhcp") || type.equals("dhcp4");
    }

    /** True for the IPv6 types, and for a static subnet with an IPv6 address. */
    public boolean isIpv6() {
        return type.equals("static6") || type.equals("dhcp6") || type.startsWith("ipv6_")
                || (type.equals("static") && address != null && address.contains(":"));
    }

    /** The {@code address/prefix} form of a static address, or null. */
    public String cidr() {
        return address == null ? null : prefix == null ? address : address + "/" + prefix;
    }
}
