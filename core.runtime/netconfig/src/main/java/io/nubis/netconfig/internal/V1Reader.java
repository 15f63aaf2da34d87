package io.nubis.netconfig.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/** Reads network-config version 1 ({@code config:} list of entries). */
final class V1Reader {
    static final Set<String> TOP_KEYS = Set.of("version", "config");
    private static final Set<String> ENTRY_TYPES = Set.of("physical", "bond", "bridge", "vlan", "nameserver", "route",
            "loopback", "infiniband");
    /** Interface keys; {@code id} is what MAAS (curtin) writes beside {@code name}, ignored like the reference does. */
    private static final Set<String> IFACE_KEYS = Set.of("type", "name", "mac_address", "mtu", "subnets", "params",
            "accept-ra", "wakeonlan", "keep_configuration", "id");
    private static final Set<String> NAMESERVER_KEYS = Set.of("type", "address", "search", "interface");

    private final Values values;
    private final Problems problems;
    private final SubnetReader subnets;
    private final RouteReader routes;
    private final StateAssembler state;

    V1Reader(Values values) {
        this.values = values;
        this.problems = values.problems();
        this.subnets = new SubnetReader(values);
        this.routes = new RouteReader(values);
        this.state = new StateAssembler(problems);
    }

    /** Reads the whole config (its {@code network:} wrapper removed). */
    NetworkState read(Map<String, Object> config) {
        values.onlyKeys(config, "", TOP_KEYS);
        Object cfg = config.get("config");
        if (cfg == null) {
            problems.add("config", "version 1 needs a 'config' list");
        } else if (!"disabled".equals(cfg)) {
            List<Object> entries = values.list(cfg, "config");
            if (entries != null) {
                for (int i = 0; i < entries.size(); i++) {
                    String path = Problems.index("config", i);
                    Map<String, Object> e = values.map(entries.get(i), path);
                    if (e != null) {
                        entry(e, path);
                    }
                }
            }
        }
        return state.build(1, config);
    }

    private void entry(Map<String, Object> e, String path) {
        Object t = e.get("type");
        if (t == null) {
            problems.add(path, "a config entry needs 'type'");
            return;
        }
        String type = values.string(t, Problems.key(path, "type"));
        if (type == null) {
            return;
        }
        if (!ENTRY_TYPES.contains(type)) {
            problems.add(Problems.key(path, "type"), "unknown entry type '" + type
                    + "' (one of physical, bond, bridge, vlan, infiniband, loopback, nameserver, route)");
            return;
        }
        switch (type) {
            case "nameserver" -> nameserver(e, path);
            case "route" -> {
                Route r = routes.read(e, path, true);
                if (r != null) {
                    state.addRoute(r);
                }
            }
            default -> iface(e, path, InterfaceType.of(type));
        }
    }

    private void nameserver(Map<String, Object> e, String path) {
        values.onlyKeys(e, path, NAMESERVER_KEYS);
        List<String> ns = SubnetReader.nameservers(values, e.get("address"), Problems.key(path, "address"));
        List<String> search = values.strings(e.get("search"), Problems.key(path, "search"), true);
        String iface = values.string(e.get("interface"), Problems.key(path, "interface"));
        if (e.get("address") == null && e.get("search") == null) {
            problems.add(path, "a nameserver entry needs 'address' or 'search'");
        }
        ns = ns == null ? List.of() : ns;
        search = search == null ? List.of() : search;
        if (iface != null) {
            state.addInterfaceDns(iface, Problems.key(path, "interface"), ns, search);
        } else {
            state.addGlobalDns(ns, search);
        }
    }

    private void iface(Map<String, Object> e, String path, InterfaceType type) {
        Set<String> allowed = new HashSet<>(IFACE_KEYS);
        switch (type) {
            case BOND -> allowed.add("bond_interfaces");
            case BRIDGE -> allowed.add("bridge_interfaces");
            case VLAN -> allowed.addAll(List.of("vlan_link", "vlan_id"));
            default -> {
            }
        }
        values.onlyKeys(e, path, allowed);
        String name = values.string(e.get("name"), Problems.key(path, "name"));
        if (e.get("name") == null || "".equals(name)) {
            problems.add(path, "a " + type.id() + " entry needs 'name'");
        }
        InterfaceDraft d = new InterfaceDraft(name, path);
        d.name = name;
        d.namePath = Problems.key(path, "name");
        d.type = type;
        d.raw = e;
        d.mac = mac(values, e.get("mac_address"), Problems.key(path, "mac_address"));
        d.mtu = values.integer(e.get("mtu"), Problems.key(path, "mtu"), 0, Integer.MAX_VALUE);
        d.acceptRa = values.bool(e.get("accept-ra"), Problems.key(path, "accept-ra"));
        d.wakeOnLan = Boolean.TRUE.equals(values.bool(e.get("wakeonlan"), Problems.key(path, "wakeonlan")));
        values.bool(e.get("keep_configuration"), Problems.key(path, "keep_configuration"));
        List<Object> sl = values.list(e.get("subnets"), Problems.key(path, "subnets"));
        if (sl != null) {
            for (int i = 0; i < sl.size(); i++) {
                String sp = Problems.index(Problems.key(path, "subnets"), i);
                Map<String, Object> sm = values.map(sl.get(i), sp);
                if (sm != null) {
                    Subnet s = subnets.read(sm, sp);
                    if (s != null) {
                        d.subnets.add(s);
                    }
                }
            }
        }
        Map<String, Object> params = values.map(e.get("params"), Problems.key(path, "params"));
        if (params != null) {
            d.params.putAll(Params.v1(values, params, Problems.key(path, "params")));
        }
        if (type == InterfaceType.BOND || type == InterfaceType.BRIDGE) {
            String key = type == InterfaceType.BOND ? "bond_interfaces" : "bridge_interfaces";
            d.membersPath = Problems.key(path, key);
            if (e.get(key) == null) {
                problems.add(path, "a " + type.id() + " entry needs '" + key + "'");
            } else {
                List<String> refs = values.strings(e.get(key), d.membersPath, false);
                if (refs != null) {
                    d.memberRefs.addAll(refs);
                }
            }
        }
        if (type == InterfaceType.VLAN) {
            d.linkPath = Problems.key(path, "vlan_link");
            d.linkRef = values.string(e.get("vlan_link"), d.linkPath);
            if (e.get("vlan_link") == null) {
                problems.add(path, "a vlan entry needs 'vlan_link'");
            }
            d.vlanId = values.integer(e.get("vlan_id"), Problems.key(path, "vlan_id"), 0, 4094);
            if (e.get("vlan_id") == null) {
                problems.add(path, "a vlan entry needs 'vlan_id'");
            }
        }
        if (name != null && !name.isEmpty()) {
            state.add(d);
        }
    }

    /** A MAC address value: text, or the number YAML 1.1 makes of an all-decimal MAC; lower case; null if absent or invalid. */
    static String mac(Values values, Object v, String path) {
        if (v == null || "".equals(v)) {
            return null;
        }
        String text = v instanceof String s ? s : IpText.macFromSexagesimal(v);
        if (text == null) {
            if (Values.isIntegral(v)) {
                values.problems().add(path, "must be a MAC address string, not a number: YAML reads an unquoted"
                        + " MAC whose groups are all decimal as a base-60 number; quote it");
            } else {
                values.wrong(path, "a MAC address string", v);
            }
            return null;
        }
        String mac = IpText.mac(text);
        if (mac == null) {
            values.problems().add(path, "'" + text + "' is not a MAC address (six colon-separated hex octets)");
        }
        return mac;
    }
}
