package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Reads network-config version 2 (netplan's format): ethernets, bonds, bridges and vlans become
 * interfaces with version 1 style subnets, as the reference converts them; wifis are accepted and
 * left to renderers that pass version 2 through.
 */
final class V2Reader {
    static final Set<String> TOP_KEYS = Set.of("version", "renderer", "ethernets", "bonds", "bridges", "vlans",
            "wifis");
    /** Keys every device type may have. */
    static final Set<String> COMMON_KEYS = Set.of("renderer", "dhcp4", "dhcp6", "dhcp4-overrides", "dhcp6-overrides",
            "addresses", "gateway4", "gateway6", "routes", "routing-policy", "nameservers", "mtu", "optional",
            "accept-ra", "macaddress", "critical", "link-local", "dhcp-identifier", "ipv6-privacy", "ipv6-mtu",
            "ipv6-address-generation", "ipv6-address-token", "activation-mode", "ignore-carrier", "optional-addresses");
    /** Keys of physical devices besides the common ones. */
    static final Set<String> ETHERNET_KEYS = Set.of("match", "set-name", "wakeonlan", "emit-lldp",
            "receive-checksum-offload", "transmit-checksum-offload", "tcp-segmentation-offload",
            "tcp6-segmentation-offload", "generic-segmentation-offload", "generic-receive-offload",
            "large-receive-offload", "virtual-function-count", "embedded-switch-mode",
            "delay-virtual-functions-rebind", "infiniband-mode", "link");
    /** Keys of wifi devices besides those of physical devices. */
    static final Set<String> WIFI_KEYS = Set.of("access-points", "regulatory-domain", "wakeonwlan");
    static final Set<String> MATCH_KEYS = Set.of("macaddress", "name", "driver");
    static final Set<String> ROUTE_KEYS = Set.of("to", "via", "from", "metric", "table", "on-link", "scope", "type",
            "mtu", "congestion-window", "advertised-receive-window");
    static final Set<String> POLICY_KEYS = Set.of("from", "to", "table", "priority", "mark", "type-of-service");
    static final Set<String> OVERRIDE_KEYS = Set.of("use-dns", "use-ntp", "send-hostname", "use-hostname", "use-mtu",
            "hostname", "use-routes", "route-metric", "use-domains");
    static final Set<String> NAMESERVER_KEYS = Set.of("addresses", "search");
    static final Set<String> ADDRESS_OPTION_KEYS = Set.of("lifetime", "label");

    private static final List<String> SECTIONS = List.of("ethernets", "bonds", "bridges", "vlans");

    private final Values values;
    private final Problems problems;
    private final UnaryOperator<String> macToName;
    private final StateAssembler state;
    /** Interface name of every definition id, from a first pass over all sections. */
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, String> sectionOf = new HashMap<>();

    V2Reader(Values values, UnaryOperator<String> macToName) {
        this.values = values;
        this.problems = values.problems();
        this.macToName = macToName == null ? m -> null : macToName;
        this.state = new StateAssembler(problems);
    }

    NetworkState read(Map<String, Object> config) {
        values.onlyKeys(config, "", TOP_KEYS);
        values.string(config.get("renderer"), "renderer");
        Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            if (SECTIONS.contains(e.getKey()) && e.getValue() != null) {
                Map<String, Object> m = values.map(e.getValue(), e.getKey());
                if (m != null) {
                    sections.put(e.getKey(), m);
                }
            } else if (e.getKey().equals("wifis") && e.getValue() != null) {
                wifis(values.map(e.getValue(), "wifis"));
            }
        }
        for (Map.Entry<String, Map<String, Object>> s : sections.entrySet()) {
            for (Map.Entry<String, Object> d : s.getValue().entrySet()) {
                String prev = sectionOf.putIfAbsent(d.getKey(), s.getKey());
                if (prev != null) {
                    problems.add(Problems.key(s.getKey(), d.getKey()), "'" + d.getKey() + "' is also defined in " + prev);
                } else {
                    names.put(d.getKey(), nameOf(s.getKey(), d.getKey(), d.getValue()));
                }
            }
        }
        for (Map.Entry<String, Map<String, Object>> s : sections.entrySet()) {
            for (Map.Entry<String, Object> d : s.getValue().entrySet()) {
                String path = Problems.key(s.getKey(), d.getKey());
                if (!s.getKey().equals(sectionOf.get(d.getKey()))) {
                    continue;
                }
                Map<String, Object> cfg = d.getValue() == null ? Map.of() : values.map(d.getValue(), path);
                if (cfg != null) {
                    device(s.getKey(), d.getKey(), cfg, path);
                }
            }
        }
        return state.build(2, config);
    }

    /**
     * Checks the keys of wifi definitions; they make no interfaces (only renderers that pass
     * version 2 through, like netplan, configure them), as in the reference.
     */
    private void wifis(Map<String, Object> wifis) {
        if (wifis == null) {
            return;
        }
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        allowed.addAll(ETHERNET_KEYS);
        allowed.addAll(WIFI_KEYS);
        for (Map.Entry<String, Object> w : wifis.entrySet()) {
            String path = Problems.key("wifis", w.getKey());
            Map<String, Object> cfg = values.map(w.getValue(), path);
            if (cfg != null) {
                values.onlyKeys(cfg, path, allowed);
                values.map(cfg.get("access-points"), Problems.key(path, "access-points"));
            }
        }
    }

    /** The interface name: {@code set-name}, else the name of the present interface with the matched MAC, else the id. */
    private String nameOf(String section, String id, Object def) {
        if (!section.equals("ethernets") || !(def instanceof Map<?, ?> m)) {
            return id;
        }
        if (m.get("set-name") instanceof String s && !s.isEmpty()) {
            return s;
        }
        if (m.get("match") instanceof Map<?, ?> match && match.get("macaddress") != null) {
            Object macValue = match.get("macaddress");
            String text = macValue instanceof String s ? s : IpText.macFromSexagesimal(macValue);
            String mac = IpText.mac(text);
            if (mac != null) {
                String found = macToName.apply(mac);
                if (found != null && !found.isEmpty()) {
                    return found;
                }
            }
        }
        return id;
    }

    private void device(String section, String id, Map<String, Object> cfg, String path) {
        Set<String> allowed = new HashSet<>(COMMON_KEYS);
        InterfaceType type;
        switch (section) {
            case "ethernets" -> {
                type = InterfaceType.PHYSICAL;
                allowed.addAll(ETHERNET_KEYS);
            }
            case "bonds" -> {
                type = InterfaceType.BOND;
                allowed.addAll(List.of("interfaces", "parameters"));
            }
            case "bridges" -> {
                type = InterfaceType.BRIDGE;
                allowed.addAll(List.of("interfaces", "parameters"));
            }
            default -> {
                type = InterfaceType.VLAN;
                allowed.addAll(List.of("id", "link"));
            }
        }
        values.onlyKeys(cfg, path, allowed);
        InterfaceDraft d = new InterfaceDraft(id, path);
        d.type = type;
        d.name = names.get(id);
        d.namePath = cfg.containsKey("set-name") ? Problems.key(path, "set-name") : path;
        d.raw = cfg;
        d.mtu = values.integer(cfg.get("mtu"), Problems.key(path, "mtu"), 0, Integer.MAX_VALUE);
        d.acceptRa = values.bool(cfg.get("accept-ra"), Problems.key(path, "accept-ra"));
        d.optional = Boolean.TRUE.equals(values.bool(cfg.get("optional"), Problems.key(path, "optional")));
        values.bool(cfg.get("critical"), Problems.key(path, "critical"));
        values.string(cfg.get("renderer"), Problems.key(path, "renderer"));
        String setMac = V1Reader.mac(values, cfg.get("macaddress"), Problems.key(path, "macaddress"));
        if (type == InterfaceType.PHYSICAL) {
            d.wakeOnLan = Boolean.TRUE.equals(values.bool(cfg.get("wakeonlan"), Problems.key(path, "wakeonlan")));
            String setName = values.string(cfg.get("set-name"), Problems.key(path, "set-name"));
            if ("".equals(setName)) {
                problems.add(Problems.key(path, "set-name"), "must not be empty");
            }
            Map<String, Object> match = values.map(cfg.get("match"), Problems.key(path, "match"));
            if (match != null) {
                String mp = Problems.key(path, "match");
                values.onlyKeys(match, mp, MATCH_KEYS);
                String mac = V1Reader.mac(values, match.get("macaddress"), Problems.key(mp, "macaddress"));
                String name = values.string(match.get("name"), Problems.key(mp, "name"));
                String driver = driver(match.get("driver"), Problems.key(mp, "driver"));
                d.match = new Match(mac, name, driver);
                d.mac = mac;
            }
            // a physical device's own 'macaddress' sets its MAC (it stays in raw); the model's
            // MAC of a physical interface is the one it is found by, as for version 1
        } else {
            d.mac = setMac;
        }
        if (type == InterfaceType.BOND || type == InterfaceType.BRIDGE) {
            d.membersPath = Problems.key(path, "interfaces");
            List<String> refs = values.strings(cfg.get("interfaces"), d.membersPath, false);
            if (refs != null) {
                d.memberRefs.addAll(refs);
            }
            Map<String, Object> params = values.map(cfg.get("parameters"), Problems.key(path, "parameters"));
            if (params != null) {
                String pp = Problems.key(path, "parameters");
                d.params.putAll(type == InterfaceType.BOND ? Params.v2Bond(values, params, pp)
                        : Params.v2Bridge(values, params, pp, port -> d.memberRefs.contains(port) && names.containsKey(port)
                                ? names.get(port) : null));
            }
        }
        if (type == InterfaceType.VLAN) {
            d.vlanId = values.integer(cfg.get("id"), Problems.key(path, "id"), 0, 4094);
            if (cfg.get("id") == null) {
                problems.add(path, "a VLAN needs 'id'");
            }
            d.linkPath = Problems.key(path, "link");
            d.linkRef = values.string(cfg.get("link"), d.linkPath);
            if (cfg.get("link") == null) {
                problems.add(path, "a VLAN needs 'link'");
            }
        }
        Map<String, Object> ns = values.map(cfg.get("nameservers"), Problems.key(path, "nameservers"));
        List<String> dnsAddrs = List.of();
        List<String> dnsSearch = List.of();
        if (ns != null) {
            String np = Problems.key(path, "nameservers");
            values.onlyKeys(ns, np, NAMESERVER_KEYS);
            List<String> a = SubnetReader.nameservers(values, ns.get("addresses"), Problems.key(np, "addresses"));
            List<String> s = values.strings(ns.get("search"), Problems.key(np, "search"), false);
            dnsAddrs = a == null ? List.of() : a;
            dnsSearch = s == null ? List.of() : s;
            d.nameservers.addAll(dnsAddrs);
            for (String x : dnsSearch) {
                if (!d.search.contains(x)) {
                    d.search.add(x);
                }
            }
            state.addGlobalDns(dnsAddrs, dnsSearch);
        }
        subnets(d, cfg, path, new Dns(dnsAddrs, d.search));
        for (String k : List.of("routing-policy")) {
            policies(cfg.get(k), Problems.key(path, k));
        }
        if (d.name != null) {
            state.add(d);
        }
    }

    /** Builds the version 1 subnets of a definition as the reference does. */
    private void subnets(InterfaceDraft d, Map<String, Object> cfg, String path, Dns dns) {
        List<Subnet> out = new ArrayList<>();
        Boolean dhcp4 = values.bool(cfg.get("dhcp4"), Problems.key(path, "dhcp4"));
        Boolean dhcp6 = values.bool(cfg.get("dhcp6"), Problems.key(path, "dhcp6"));
        Map<String, Object> o4 = overrides(cfg.get("dhcp4-overrides"), Problems.key(path, "dhcp4-overrides"));
        Map<String, Object> o6 = overrides(cfg.get("dhcp6-overrides"), Problems.key(path, "dhcp6-overrides"));
        if (Boolean.TRUE.equals(dhcp4)) {
            out.add(dhcp("dhcp4", o4));
        }
        if (Boolean.TRUE.equals(dhcp6)) {
            out.add(dhcp("dhcp6", o6));
        }
        String gw4 = gateway(cfg.get("gateway4"), Problems.key(path, "gateway4"), false);
        String gw6 = gateway(cfg.get("gateway6"), Problems.key(path, "gateway6"), true);
        boolean gw4Used = false;
        boolean gw6Used = false;
        boolean dnsUsed = false;
        List<Object> addrs = values.list(cfg.get("addresses"), Problems.key(path, "addresses"));
        if (addrs != null) {
            for (int i = 0; i < addrs.size(); i++) {
                String ap = Problems.index(Problems.key(path, "addresses"), i);
                String text = address(addrs.get(i), ap);
                if (text == null) {
                    continue;
                }
                Cidr c = Cidr.parse(values, text, ap, null, null, null, null, true);
                if (c == null) {
                    continue;
                }
                String gw = null;
                if (c.isIpv6() && gw6 != null && !gw6Used) {
                    gw = gw6;
                    gw6Used = true;
                } else if (!c.isIpv6() && gw4 != null && !gw4Used) {
                    gw = gw4;
                    gw4Used = true;
                }
                Dns sdns = Dns.NONE;
                if (!dnsUsed && !dns.isEmpty()) {
                    sdns = dns;
                    dnsUsed = true;
                }
                Map<String, Object> raw = new LinkedHashMap<>();
                raw.put("type", "static");
                raw.put("address", text);
                if (gw != null) {
                    raw.put("gateway", gw);
                }
                if (!sdns.nameservers().isEmpty()) {
                    raw.put("dns_nameservers", sdns.nameservers());
                }
                if (!sdns.search().isEmpty()) {
                    raw.put("dns_search", sdns.search());
                }
                out.add(new Subnet("static", c.address(), c.prefix(), c.netmask(), gw, sdns, List.of(), null, raw));
            }
        }
        List<Route> routes = routes(cfg.get("routes"), Problems.key(path, "routes"));
        if (!out.isEmpty() && !routes.isEmpty()) {
            Subnet first = out.get(0);
            Map<String, Object> raw = new LinkedHashMap<>(first.raw());
            raw.put("routes", routes.stream().map(Route::raw).toList());
            out.set(0, new Subnet(first.type(), first.address(), first.prefix(), first.netmask(), first.gateway(),
                    first.dns(), routes, first.control(), raw));
        }
        d.subnets.addAll(out);
    }

    private Subnet dhcp(String type, Map<String, Object> overrides) {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("type", type);
        if (overrides != null && overrides.get("route-metric") != null) {
            raw.put("metric", overrides.get("route-metric"));
        }
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), null, raw);
    }

    private Map<String, Object> overrides(Object v, String path) {
        Map<String, Object> m = values.map(v, path);
        if (m != null) {
            values.onlyKeys(m, path, OVERRIDE_KEYS);
            Integer metric = values.integer(m.get("route-metric"), Problems.key(path, "route-metric"), 0,
                    Integer.MAX_VALUE);
            for (String k : List.of("use-dns", "use-ntp", "send-hostname", "use-hostname", "use-mtu", "use-routes")) {
                values.bool(m.get(k), Problems.key(path, k));
            }
            values.string(m.get("hostname"), Problems.key(path, "hostname"));
            Object domains = m.get("use-domains");
            if (domains != null && !(domains instanceof Boolean) && !(domains instanceof String)) {
                values.wrong(Problems.key(path, "use-domains"), "a boolean or 'route'", domains);
            }
            if (metric != null) {
                Map<String, Object> copy = new LinkedHashMap<>(m);
                copy.put("route-metric", metric);
                return copy;
            }
        }
        return m;
    }

    private String gateway(Object v, String path, boolean v6) {
        String s = values.string(v, path);
        if (s == null) {
            return null;
        }
        if (v6 ? !IpText.isIpv6WithZone(s) : !IpText.isIpv4(s)) {
            problems.add(path, "'" + s + "' is not an " + (v6 ? "IPv6" : "IPv4") + " address");
            return null;
        }
        return s;
    }

    /** An {@code addresses} item: {@code addr/prefix}, or a one-key mapping of it to its options. */
    private String address(Object v, String path) {
        if (v instanceof Map<?, ?> m) {
            if (m.size() != 1 || !(m.keySet().iterator().next() instanceof String key)) {
                values.wrong(path, "an address or a one-key mapping of an address to its options", v);
                return null;
            }
            Map<String, Object> opts = values.map(m.get(key), Problems.key(path, key));
            if (opts != null) {
                values.onlyKeys(opts, Problems.key(path, key), ADDRESS_OPTION_KEYS);
            }
            return key;
        }
        return values.string(v, path);
    }

    private List<Route> routes(Object v, String path) {
        List<Route> out = new ArrayList<>();
        List<Object> list = values.list(v, path);
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String rp = Problems.index(path, i);
            Map<String, Object> m = values.map(list.get(i), rp);
            if (m == null) {
                continue;
            }
            values.onlyKeys(m, rp, ROUTE_KEYS);
            int before = problems.size();
            String to = values.string(m.get("to"), Problems.key(rp, "to"));
            String via = values.string(m.get("via"), Problems.key(rp, "via"));
            Integer metric = values.integer(m.get("metric"), Problems.key(rp, "metric"), 0, Integer.MAX_VALUE);
            Integer table = values.integer(m.get("table"), Problems.key(rp, "table"), 0, Integer.MAX_VALUE);
            values.bool(m.get("on-link"), Problems.key(rp, "on-link"));
            values.integer(m.get("mtu"), Problems.key(rp, "mtu"), 0, Integer.MAX_VALUE);
            values.string(m.get("scope"), Problems.key(rp, "scope"));
            values.string(m.get("type"), Problems.key(rp, "type"));
            String from = values.string(m.get("from"), Problems.key(rp, "from"));
            if (from != null && !IpText.isIp(from)) {
                problems.add(Problems.key(rp, "from"), "'" + from + "' is not an IPv4 or IPv6 address");
            }
            if (via != null && !IpText.isIp(via)) {
                problems.add(Problems.key(rp, "via"), "'" + via + "' is not an IPv4 or IPv6 address");
            }
            if (m.get("to") == null) {
                problems.add(rp, "a route needs 'to'");
            }
            if (to == null || problems.size() != before) {
                continue;
            }
            String dest = to;
            if (to.equals("default")) {
                dest = via != null && via.contains(":") ? "::/0" : "0.0.0.0/0";
            } else if (!to.contains("/")) {
                dest = to + (to.contains(":") ? "/128" : "/32");
            }
            Cidr c = Cidr.parse(values, dest, Problems.key(rp, "to"), null, null, null, null, false);
            if (c != null) {
                out.add(new Route(c.address(), c.prefix(), c.netmask(), via, metric, table, m));
            }
        }
        return out;
    }

    private void policies(Object v, String path) {
        List<Object> list = values.list(v, path);
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String pp = Problems.index(path, i);
            Map<String, Object> m = values.map(list.get(i), pp);
            if (m == null) {
                continue;
            }
            values.onlyKeys(m, pp, POLICY_KEYS);
            for (String k : List.of("from", "to")) {
                String s = values.string(m.get(k), Problems.key(pp, k));
                if (s != null) {
                    String host = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
                    if (!IpText.isIpv4(host) && !IpText.isIpv6(host)) {
                        problems.add(Problems.key(pp, k), "'" + s + "' is not an IPv4 or IPv6 network");
                    }
                }
            }
            for (String k : List.of("table", "priority", "mark", "type-of-service")) {
                values.integer(m.get(k), Problems.key(pp, k), 0, 4294967295L);
            }
        }
    }

    /** A driver name or glob; netplan also takes a list, kept space-separated. */
    private String driver(Object v, String path) {
        if (v instanceof List) {
            List<String> l = values.strings(v, path, false);
            return l == null ? null : String.join(" ", l);
        }
        return values.string(v, path);
    }
}
