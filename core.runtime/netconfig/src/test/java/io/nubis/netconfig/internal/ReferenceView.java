package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Test helper: renders a {@link NetworkState} in the shape of the reference's network state dict
 * ({@code _network_state} of {@code net-convert --debug}, without {@code config}), so that golden
 * cases compare field by field with the reference's YAML dump. {@link #normaliseReference} applies
 * the model's documented differences to the reference side: MAC addresses in lower case, name
 * server and search lists without duplicates, {@code wakeonlan: null} as false, bond parameters
 * written {@code bond_mode} named {@code bond-mode}. An IPv6 {@code netmask} written in the config
 * stays in the reference's dicts as written (it deletes the key only from a copy); the model has
 * none, so the view carries it over from {@code raw}.
 */
final class ReferenceView {
    private ReferenceView() {
    }

    static Map<String, Object> of(NetworkState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dns", Map.of("nameservers", s.dns().nameservers(), "search", s.dns().search()));
        Map<String, Object> ifaces = new LinkedHashMap<>();
        boolean ipv6 = false;
        for (NetInterface i : s.interfaces()) {
            ifaces.put(i.name(), iface(s, i));
            for (Subnet sn : i.subnets()) {
                ipv6 |= sn.type().endsWith("6") || (sn.address() != null && IpText.isIpv6(sn.address()));
            }
        }
        out.put("interfaces", ifaces);
        List<Object> routes = new ArrayList<>();
        for (Route r : s.routes()) {
            routes.add(route(r, s.version()));
        }
        out.put("routes", routes);
        out.put("use_ipv6", ipv6);
        return out;
    }

    private static Map<String, Object> iface(NetworkState s, NetInterface i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("type", i.type().id());
        m.put("mac_address", i.macAddress());
        m.put("inet", "inet");
        m.put("mode", "manual");
        m.put("mtu", i.mtu());
        m.put("address", null);
        m.put("gateway", null);
        m.put("accept-ra", i.acceptRa());
        m.put("wakeonlan", i.wakeOnLan());
        List<Object> subnets = new ArrayList<>();
        for (Subnet sn : i.subnets()) {
            subnets.add(subnet(sn, s.version()));
        }
        m.put("subnets", subnets);
        if (i.match().driver() != null) {
            m.put("driver", i.match().driver());
        }
        m.putAll(i.params());
        switch (i.type()) {
            case BOND -> m.put("bond-slaves", "none");
            case BRIDGE -> m.put("bridge_ports", i.members());
            case VLAN -> {
                m.put("vlan-raw-device", i.link());
                m.put("vlan_id", i.vlanId());
            }
            default -> {
            }
        }
        s.parentOf(i.name()).filter(p -> p.type() == InterfaceType.BOND).ifPresent(bond -> {
            m.put("bond-master", bond.name());
            m.putAll(bond.params());
        });
        if (!i.dns().isEmpty()) {
            Map<String, Object> dns = new LinkedHashMap<>();
            dns.put(s.version() == 1 ? "addresses" : "nameservers", i.dns().nameservers());
            dns.put("search", i.dns().search());
            m.put("dns", dns);
        }
        return m;
    }

    private static Map<String, Object> subnet(Subnet sn, int version) {
        Map<String, Object> m = new LinkedHashMap<>();
        sn.raw().forEach((k, v) -> {
            if (truthy(v)) {
                m.put(k, v);
            }
        });
        m.put("type", sn.type());
        if (sn.isStatic()) {
            String key = m.containsKey("address") || !m.containsKey("ip_address") ? "address" : "ip_address";
            m.put(key, sn.address());
            m.put("prefix", sn.prefix());
            if (sn.netmask() != null) {
                m.put("netmask", sn.netmask());
            }
        }
        put(m, "gateway", sn.gateway());
        put(m, "dns_nameservers", sn.dns().nameservers().isEmpty() ? null : sn.dns().nameservers());
        put(m, "dns_search", sn.dns().search().isEmpty() ? null : sn.dns().search());
        List<Object> routes = new ArrayList<>();
        for (Route r : sn.routes()) {
            routes.add(route(r, version));
        }
        m.put("routes", routes);
        return m;
    }

    private static Map<String, Object> route(Route r, int version) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (version == 1) {
            r.raw().forEach((k, v) -> {
                if (v != null && !"".equals(v)) {
                    m.put(k.equals("destination") ? "network" : k, v);
                }
            });
        }
        m.remove("destination");
        m.put("network", r.network());
        m.put("prefix", r.prefix());
        if (r.netmask() != null) {
            m.put("netmask", r.netmask());
        }
        put(m, "gateway", r.gateway());
        put(m, "metric", r.metric());
        put(m, "table", r.table());
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v == null) {
            m.remove(k);
        } else {
            m.put(k, v);
        }
    }

    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !"".equals(v) && !(v instanceof Number n && n.doubleValue() == 0)
                && !(v instanceof List<?> l && l.isEmpty()) && !(v instanceof Map<?, ?> mm && mm.isEmpty());
    }

    /** The reference's state with the model's documented differences applied (see the class comment). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> normaliseReference(Map<String, Object> ref) {
        Map<String, Object> out = new LinkedHashMap<>(ref);
        out.remove("config");
        Map<String, Object> dns = new LinkedHashMap<>((Map<String, Object>) out.get("dns"));
        dns.replaceAll((k, v) -> dedupe(v));
        out.put("dns", dns);
        Map<String, Object> ifaces = new LinkedHashMap<>();
        ((Map<String, Object>) out.get("interfaces")).forEach((name, v) -> {
            Map<String, Object> i = new LinkedHashMap<>((Map<String, Object>) v);
            if (i.get("mac_address") instanceof String mac) {
                i.put("mac_address", mac.toLowerCase(Locale.ROOT));
            }
            for (String k : List.copyOf(i.keySet())) {
                if (k.startsWith("bond_")) {
                    i.put("bond-" + k.substring(5).replace('_', '-'), i.remove(k));
                }
            }
            if (i.get("wakeonlan") == null) {
                i.put("wakeonlan", false);
            }
            if (i.get("dns") instanceof Map<?, ?> d) {
                Map<String, Object> nd = new LinkedHashMap<>((Map<String, Object>) d);
                nd.replaceAll((k, x) -> dedupe(x));
                i.put("dns", nd);
            }
            ifaces.put(name, i);
        });
        out.put("interfaces", ifaces);
        return out;
    }

    private static Object dedupe(Object v) {
        return v instanceof List<?> l ? new ArrayList<>(new LinkedHashSet<>(l)) : v;
    }
}
