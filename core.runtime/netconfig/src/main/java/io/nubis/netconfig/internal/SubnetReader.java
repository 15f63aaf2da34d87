package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nubis.api.net.Dns;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/** Reads version 1 {@code subnets} items. */
final class SubnetReader {
    static final Set<String> TYPES = Set.of("dhcp", "dhcp4", "dhcp6", "static", "static6", "ipv6_slaac",
            "ipv6_dhcpv6-stateless", "ipv6_dhcpv6-stateful", "manual");
    static final Set<String> KEYS = Set.of("type", "control", "address", "ip_address", "netmask", "prefix",
            "broadcast", "gateway", "metric", "mtu", "dns_nameservers", "dns_search", "routes", "ipv4", "ipv6",
            "pointopoint", "scope");
    private static final Set<String> CONTROLS = Set.of("auto", "hotplug", "manual");

    private final Values values;
    private final RouteReader routes;

    SubnetReader(Values values) {
        this.values = values;
        this.routes = new RouteReader(values);
    }

    /** The subnet at {@code path}, or null (problems recorded). */
    Subnet read(Map<String, Object> m, String path) {
        values.onlyKeys(m, path, KEYS);
        Problems problems = values.problems();
        int before = problems.size();
        String type = values.string(m.get("type"), Problems.key(path, "type"));
        if (m.get("type") == null) {
            problems.add(path, "a subnet needs 'type'");
        } else if (type != null && !TYPES.contains(type)) {
            problems.add(Problems.key(path, "type"), "unknown subnet type '" + type + "' (one of " + String.join(", ",
                    new java.util.TreeSet<>(TYPES)) + ")");
        }
        String addrKey = present(m.get("address")) ? "address" : "ip_address";
        String address = values.string(m.get(addrKey), Problems.key(path, addrKey));
        String netmask = values.string(m.get("netmask"), Problems.key(path, "netmask"));
        Cidr cidr = null;
        boolean isStatic = "static".equals(type) || "static6".equals(type);
        if (isStatic) {
            if (address == null || address.isEmpty()) {
                if (problems.size() == before) {
                    problems.add(path, "a " + type + " subnet needs 'address'");
                }
            } else {
                cidr = Cidr.parse(values, address, Problems.key(path, addrKey), m.get("prefix"),
                        Problems.key(path, "prefix"), netmask, Problems.key(path, "netmask"), false);
            }
        } else if (address != null && !address.isEmpty()) {
            String host = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
            if (!IpText.isIpv4(host) && !IpText.isIpv6(host)) {
                problems.add(Problems.key(path, addrKey), "'" + address + "' is not an IPv4 or IPv6 address");
            }
        }
        String gateway = ip(m.get("gateway"), Problems.key(path, "gateway"));
        ip(m.get("broadcast"), Problems.key(path, "broadcast"));
        ip(m.get("pointopoint"), Problems.key(path, "pointopoint"));
        values.string(m.get("scope"), Problems.key(path, "scope"));
        values.integer(m.get("metric"), Problems.key(path, "metric"), 0, Integer.MAX_VALUE);
        values.integer(m.get("mtu"), Problems.key(path, "mtu"), 0, Integer.MAX_VALUE);
        values.bool(m.get("ipv4"), Problems.key(path, "ipv4"));
        values.bool(m.get("ipv6"), Problems.key(path, "ipv6"));
        String control = values.string(m.get("control"), Problems.key(path, "control"));
        if (control != null && !CONTROLS.contains(control)) {
            problems.add(Problems.key(path, "control"), "must be auto, hotplug or manual, not '" + control + "'");
        }
        List<String> ns = nameservers(values, m.get("dns_nameservers"), Problems.key(path, "dns_nameservers"));
        List<String> search = values.strings(m.get("dns_search"), Problems.key(path, "dns_search"), true);
        List<Route> rs = new ArrayList<>();
        List<Object> list = values.list(m.get("routes"), Problems.key(path, "routes"));
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                String rp = Problems.index(Problems.key(path, "routes"), i);
                Map<String, Object> r = values.map(list.get(i), rp);
                if (r != null) {
                    Route route = routes.read(r, rp, false);
                    if (route != null) {
                        rs.add(route);
                    }
                }
            }
        }
        if (problems.size() != before) {
            return null;
        }
        return new Subnet(type, cidr == null ? null : cidr.address(), cidr == null ? null : cidr.prefix(),
                cidr == null ? null : cidr.netmask(), gateway,
                new Dns(ns == null ? List.of() : ns, search == null ? List.of() : search), rs, control, m);
    }

    /** An address value ("" counts as absent), checked; null if absent or invalid. */
    private String ip(Object v, String path) {
        String s = values.string(v, path);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (!IpText.isIp(s)) {
            values.problems().add(path, "'" + s + "' is not an IPv4 or IPv6 address");
            return null;
        }
        return s;
    }

    /** Name server addresses from a list or a space-separated string, each checked. */
    static List<String> nameservers(Values values, Object v, String path) {
        List<String> ns = values.strings(v, path, true);
        if (ns == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ns.size(); i++) {
            String s = ns.get(i);
            if (!IpText.isIp(s)) {
                values.problems().add(v instanceof List ? Problems.index(path, i) : path,
                        "'" + s + "' is not an IPv4 or IPv6 address");
            } else if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean present(Object v) {
        return v != null && !"".equals(v);
    }
}
