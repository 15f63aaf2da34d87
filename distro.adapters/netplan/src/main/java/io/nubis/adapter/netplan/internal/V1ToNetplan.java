package io.nubis.adapter.netplan.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nubis.api.net.support.GlobalRoutes;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Converts a state read from version 1 into netplan's sections ({@code ethernets},
 * {@code bonds}, {@code bridges}, {@code vlans}) as the reference's netplan renderer builds them;
 * the YAML writer sorts the keys. Loopback and InfiniBand interfaces are not written, as in the
 * reference. Deviations on purpose: global routes go to the interfaces that reach their gateway
 * (the reference drops them), a route without a gateway has no {@code via} (the reference writes
 * {@code via: null}, which netplan rejects), and a route's table is kept.
 */
final class V1ToNetplan {
    /** Version 1 bond parameter (dashes) to its netplan name. */
    private static final Map<String, String> BOND = Map.ofEntries(
            Map.entry("bond-ad-select", "ad-select"),
            Map.entry("bond-arp-interval", "arp-interval"),
            Map.entry("bond-arp-ip-target", "arp-ip-target"),
            Map.entry("bond-arp-validate", "arp-validate"),
            Map.entry("bond-downdelay", "down-delay"),
            Map.entry("bond-fail-over-mac", "fail-over-mac-policy"),
            Map.entry("bond-lacp-rate", "lacp-rate"),
            Map.entry("bond-miimon", "mii-monitor-interval"),
            Map.entry("bond-min-links", "min-links"),
            Map.entry("bond-mode", "mode"),
            Map.entry("bond-num-grat-arp", "gratuitous-arp"),
            Map.entry("bond-primary", "primary"),
            Map.entry("bond-primary-reselect", "primary-reselect-policy"),
            Map.entry("bond-updelay", "up-delay"),
            Map.entry("bond-xmit-hash-policy", "transmit-hash-policy"));

    /** Version 1 bridge parameter to its netplan name; the reference ignores gcint, maxwait and waitport. */
    private static final Map<String, String> BRIDGE = Map.of(
            "bridge_ageing", "ageing-time",
            "bridge_bridgeprio", "priority",
            "bridge_fd", "forward-delay",
            "bridge_hello", "hello-time",
            "bridge_maxage", "max-age",
            "bridge_pathcost", "path-cost",
            "bridge_portprio", "port-priority",
            "bridge_stp", "stp");

    private static final Set<String> DHCP6_TYPES = Set.of("dhcp6", "ipv6_slaac", "ipv6_dhcpv6-stateless",
            "ipv6_dhcpv6-stateful");

    private final NetworkState state;
    private final boolean ipv6Mtu;

    final Map<String, Object> ethernets = new LinkedHashMap<>();
    final Map<String, Object> bonds = new LinkedHashMap<>();
    final Map<String, Object> bridges = new LinkedHashMap<>();
    final Map<String, Object> vlans = new LinkedHashMap<>();

    /**
     * @param ipv6Mtu whether netplan knows {@code ipv6-mtu} (its {@code features}), so that an
     *                IPv6 subnet's MTU is written under that key
     */
    V1ToNetplan(NetworkState state, boolean ipv6Mtu) {
        this.state = state;
        this.ipv6Mtu = ipv6Mtu;
        for (NetInterface i : state.interfaces()) {
            add(i);
        }
        addGlobalRoutes();
        addGlobalDns();
    }

    /** The document after the header: {@code network:}, {@code version: 2} and each non-empty section. */
    String render() {
        StringBuilder sb = new StringBuilder("network:\n    version: 2\n");
        section(sb, "ethernets", ethernets);
        section(sb, "bonds", bonds);
        section(sb, "bridges", bridges);
        section(sb, "vlans", vlans);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, Map<String, Object> entries) {
        if (!entries.isEmpty()) {
            sb.append(YamlEmitter.dump(Map.of(name, entries), 4, false));
        }
    }

    private void add(NetInterface i) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (i.type() == InterfaceType.PHYSICAL) {
            if (i.macAddress() != null) {
                e.put("set-name", i.name());
                e.put("match", new LinkedHashMap<>(Map.of("macaddress", i.macAddress().toLowerCase())));
            }
            addresses(i, e);
            ethernets.put(i.name(), e);
        } else if (i.type() == InterfaceType.BOND) {
            Map<String, Object> p = bondParameters(i.params());
            if (!p.isEmpty()) {
                e.put("parameters", p);
            }
            if (i.macAddress() != null) {
                e.put("macaddress", i.macAddress().toLowerCase());
            }
            if (!i.members().isEmpty()) {
                e.put("interfaces", i.members().stream().sorted().toList());
            }
            addresses(i, e);
            bonds.put(i.name(), e);
        } else if (i.type() == InterfaceType.BRIDGE) {
            e.put("interfaces", i.members().stream().sorted().toList());
            Map<String, Object> p = bridgeParameters(i.params());
            if (!p.isEmpty()) {
                e.put("parameters", p);
            }
            if (i.macAddress() != null) {
                e.put("macaddress", i.macAddress().toLowerCase());
            }
            addresses(i, e);
            bridges.put(i.name(), e);
        } else if (i.type() == InterfaceType.VLAN) {
            e.put("id", i.vlanId());
            e.put("link", i.link());
            if (i.macAddress() != null) {
                e.put("macaddress", i.macAddress().toLowerCase());
            }
            addresses(i, e);
            vlans.put(i.name(), e);
        }
    }

    static Map<String, Object> bondParameters(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        // the underscore spelling first, so that the dash spelling wins, as in the reference
        for (String prefix : List.of("bond_", "bond-")) {
            for (Map.Entry<String, Object> p : params.entrySet()) {
                if (p.getKey().startsWith(prefix)) {
                    String name = BOND.get(p.getKey().replace('_', '-'));
                    if (name != null) {
                        out.put(name, p.getValue());
                    }
                }
            }
        }
        return out;
    }

    static Map<String, Object> bridgeParameters(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> p : params.entrySet()) {
            String name = BRIDGE.get(p.getKey().replace('-', '_'));
            if (name == null) {
                continue;
            }
            Object v = p.getValue();
            if (name.equals("path-cost") || name.equals("port-priority")) {
                v = perPort(v);
            } else if (name.equals("stp")) {
                v = stp(v);
            }
            out.put(name, v);
        }
        return out;
    }

    /** {@code ["eth0 50", ...]} (or a map) to {@code {eth0: 50}}. */
    private static Map<String, Object> perPort(Object v) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), Integer.valueOf(String.valueOf(x).trim())));
        } else if (v instanceof List<?> l) {
            for (Object item : l) {
                String[] parts = String.valueOf(item).trim().split("\\s+");
                if (parts.length == 2) {
                    out.put(parts[0], Integer.valueOf(parts[1]));
                }
            }
        } else if (v != null) {
            String[] parts = String.valueOf(v).trim().split("\\s+");
            if (parts.length == 2) {
                out.put(parts[0], Integer.valueOf(parts[1]));
            }
        }
        return out;
    }

    /** The reference's reading of {@code bridge_stp}: on/1 true, off/0 false. */
    static Object stp(Object v) {
        if (v instanceof Boolean) {
            return v;
        }
        String s = String.valueOf(v);
        if (s.equals("on") || s.equals("1")) {
            return Boolean.TRUE;
        }
        if (s.equals("off") || s.equals("0")) {
            return Boolean.FALSE;
        }
        return v;
    }

    private void addresses(NetInterface i, Map<String, Object> e) {
        List<Object> addresses = new ArrayList<>();
        List<Object> routes = new ArrayList<>();
        List<Object> nameservers = new ArrayList<>();
        List<Object> search = new ArrayList<>();
        for (Subnet s : i.subnets()) {
            String type = s.type();
            if (type.startsWith("dhcp")) {
                e.put(type.equals("dhcp") ? "dhcp4" : type, Boolean.TRUE);
            } else if (DHCP6_TYPES.contains(type)) {
                e.put("dhcp6", Boolean.TRUE);
            } else if (s.isStatic()) {
                if (s.gateway() != null && !s.gateway().isEmpty()) {
                    e.put(s.gateway().contains(":") ? "gateway6" : "gateway4", s.gateway());
                }
                nameservers.addAll(s.dns().nameservers());
                search.addAll(s.dns().search());
                Object mtu = s.raw().get("mtu");
                if (mtu != null) {
                    e.put(s.isIpv6() && ipv6Mtu ? "ipv6-mtu" : "mtu", mtu);
                }
                for (Route r : s.routes()) {
                    routes.add(route(r));
                }
                addresses.add(s.cidr());
            }
        }
        if (i.mtu() != null) {
            // a subnet's MTU wins over the interface's
            Object subnetMtu = e.get("mtu");
            boolean same = subnetMtu instanceof Number n ? n.longValue() == i.mtu() : i.mtu().equals(subnetMtu);
            if (subnetMtu == null || same) {
                e.put("mtu", i.mtu());
            }
        }
        if (!addresses.isEmpty()) {
            e.put("addresses", addresses);
        }
        if (!routes.isEmpty()) {
            e.put("routes", routes);
        }
        if (!nameservers.isEmpty() || !search.isEmpty()) {
            Map<String, Object> ns = new LinkedHashMap<>();
            if (!nameservers.isEmpty()) {
                ns.put("addresses", nameservers);
            }
            if (!search.isEmpty()) {
                ns.put("search", search);
            }
            e.put("nameservers", ns);
        }
        if (i.acceptRa() != null) {
            e.put("accept-ra", i.acceptRa());
        }
    }

    static Map<String, Object> route(Route r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r.gateway() != null) {
            out.put("via", r.gateway());
        }
        out.put("to", r.network() + "/" + r.prefix());
        if (r.metric() != null) {
            out.put("metric", r.metric());
        }
        if (r.table() != null) {
            out.put("table", r.table());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void addGlobalRoutes() {
        for (Route r : state.routes()) {
            for (NetInterface home : GlobalRoutes.homes(state, r)) {
                Map<String, Object> e = entry(home.name());
                if (e != null) {
                    ((List<Object>) e.computeIfAbsent("routes", k -> new ArrayList<>())).add(route(r));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entry(String name) {
        for (Map<String, Object> section : List.of(ethernets, bonds, bridges, vlans)) {
            Object e = section.get(name);
            if (e != null) {
                return (Map<String, Object>) e;
            }
        }
        return null;
    }

    /** Global name servers go to every entry with static addresses and no name servers of its own. */
    @SuppressWarnings("unchecked")
    private void addGlobalDns() {
        if (state.dns().isEmpty()) {
            return;
        }
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("addresses", new ArrayList<Object>(state.dns().nameservers()));
        ns.put("search", new ArrayList<Object>(state.dns().search()));
        for (Map<String, Object> section : List.of(ethernets, bonds, bridges, vlans)) {
            for (Object o : section.values()) {
                Map<String, Object> e = (Map<String, Object>) o;
                if (!e.containsKey("nameservers") && e.containsKey("addresses")) {
                    e.put("nameservers", ns);
                }
            }
        }
    }
}
