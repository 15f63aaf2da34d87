package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Converts OpenStack's {@code network_data.json} (links, networks, services) into a network-config
 * version 1 config, as the reference's {@code convert_net_json} does: every link becomes a
 * {@code physical} entry (bonds {@code bond0}, {@code bond1}... and VLANs
 * {@code <link>.<id>} aside), each network that names the link a subnet of it, each
 * {@code dns} service a {@code nameserver} entry.
 */
public final class OpenStackNetworkData {
    private static final Set<String> LINK_KEYS = Set.of("name", "type", "mac_address", "subnets", "params", "mtu");
    private static final Set<String> NETWORK_KEYS = Set.of("type", "address", "netmask", "broadcast", "metric",
            "gateway", "pointopoint", "scope", "dns_nameservers", "dns_search", "routes");

    private OpenStackNetworkData() {
    }

    /**
     * The version 1 config ({@code version: 1}, {@code config: [...]}) of a {@code network_data.json}.
     *
     * @param networkData the parsed JSON
     * @param macToName   the name of the present interface with a (lower-case) MAC address, or null;
     *                    used for links without a {@code name} and for the links bonds and VLANs name
     * @throws IllegalArgumentException if the document is not one, or a link's interface cannot be named
     */
    public static Map<String, Object> toV1(Map<String, Object> networkData, UnaryOperator<String> macToName) {
        UnaryOperator<String> lookup = macToName == null ? m -> null : macToName;
        List<Map<String, Object>> links = maps(networkData.get("links"), "links");
        List<Map<String, Object>> networks = maps(networkData.get("networks"), "networks");
        List<Map<String, Object>> services = maps(networkData.get("services"), "services");

        List<Map<String, Object>> config = new ArrayList<>();
        Map<String, LinkInfo> infos = new LinkedHashMap<>();
        List<Runnable> updates = new ArrayList<>();
        int bonds = 0;
        for (int li = 0; li < links.size(); li++) {
            Map<String, Object> link = links.get(li);
            String where = "links[" + li + "]";
            String id = text(link.get("id"), where + ".id");
            String type = text(link.get("type"), where + ".type");
            if (id == null || type == null) {
                throw new IllegalArgumentException(where + ": a link needs 'id' and 'type'");
            }
            Map<String, Object> cfg = new LinkedHashMap<>();
            link.forEach((k, v) -> {
                if (LINK_KEYS.contains(k)) {
                    cfg.put(k, v);
                }
            });
            String mac = link.get("ethernet_mac_address") instanceof String m && !m.isEmpty()
                    ? m.toLowerCase(Locale.ROOT) : null;
            LinkInfo info = new LinkInfo(id, text(link.get("name"), where + ".name"), mac);

            List<Object> subnets = new ArrayList<>();
            for (Map<String, Object> net : networks) {
                if (!id.equals(String.valueOf(net.get("link")))) {
                    continue;
                }
                subnets.add(subnet(net, cfg));
            }
            cfg.put("subnets", subnets);
            if (type.equals("bond")) {
                Map<String, Object> params = new LinkedHashMap<>();
                if (mac != null) {
                    cfg.put("mac_address", mac);
                }
                link.forEach((k, v) -> {
                    if (k.startsWith("bond") && !k.equals("bond_links")) {
                        params.put(k, v);
                    }
                });
                String name = "bond" + bonds++;
                cfg.put("type", "bond");
                cfg.put("params", params);
                cfg.put("name", name);
                info.name = name;
                List<String> targets = new ArrayList<>();
                if (link.get("bond_links") instanceof List<?> l) {
                    l.forEach(t -> targets.add(String.valueOf(t)));
                }
                updates.add(() -> {
                    List<String> names = new ArrayList<>();
                    for (String t : targets) {
                        names.add(nameOf(infos, t, where + ".bond_links"));
                    }
                    cfg.put("bond_interfaces", names);
                });
            } else if (type.equals("vlan")) {
                String vlanLink = String.valueOf(link.get("vlan_link"));
                Object vlanId = link.get("vlan_id");
                String name = vlanLink + "." + vlanId;
                cfg.put("type", "vlan");
                cfg.put("name", name);
                cfg.put("vlan_id", vlanId);
                Object vmac = link.get("vlan_mac_address");
                if (vmac != null) {
                    cfg.put("mac_address", vmac);
                }
                info.mac = vmac instanceof String s ? s : null;
                info.name = name;
                updates.add(() -> {
                    String parent = nameOf(infos, vlanLink, where + ".vlan_link");
                    cfg.put("vlan_link", parent);
                    cfg.put("name", parent + "." + vlanId);
                });
            } else {
                cfg.put("type", "physical");
                cfg.put("mac_address", mac);
            }
            config.add(cfg);
            infos.put(id, info);
        }
        for (LinkInfo info : infos.values()) {
            if (info.name == null && info.mac != null) {
                info.name = lookup.apply(info.mac);
            }
        }
        for (int i = 0; i < config.size(); i++) {
            Map<String, Object> cfg = config.get(i);
            if (cfg.get("type").equals("physical") && cfg.get("name") == null) {
                Object mac = cfg.get("mac_address");
                if (mac == null) {
                    throw new IllegalArgumentException("links[" + i + "]: neither 'name' nor 'ethernet_mac_address'");
                }
                String name = lookup.apply((String) mac);
                if (name == null) {
                    throw new IllegalArgumentException("links[" + i + "]: no present interface has MAC address " + mac);
                }
                cfg.put("name", name);
            }
        }
        updates.forEach(Runnable::run);
        for (int i = 0; i < services.size(); i++) {
            Map<String, Object> service = services.get(i);
            if ("dns".equals(service.get("type"))) {
                Map<String, Object> ns = new LinkedHashMap<>();
                ns.put("type", "nameserver");
                ns.put("address", service.get("address"));
                config.add(ns);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", 1);
        out.put("config", config);
        return out;
    }

    /** A network as a version 1 subnet; IPv6 static and DHCPv6 networks set the link's {@code accept-ra}. */
    private static Map<String, Object> subnet(Map<String, Object> net, Map<String, Object> cfg) {
        Map<String, Object> subnet = new LinkedHashMap<>();
        net.forEach((k, v) -> {
            if (NETWORK_KEYS.contains(k)) {
                subnet.put(k, v);
            }
        });
        String type = String.valueOf(net.get("type"));
        switch (type) {
            case "ipv4_dhcp" -> subnet.put("type", "dhcp4");
            case "ipv6_dhcp" -> subnet.put("type", "dhcp6");
            case "ipv4", "static" -> {
                subnet.put("type", "static");
                subnet.put("address", net.get("ip_address"));
            }
            case "ipv6", "static6" -> {
                cfg.put("accept-ra", false);
                subnet.put("type", "static6");
                subnet.put("address", net.get("ip_address"));
            }
            default -> {
            }
        }
        if (type.equals("ipv6_dhcpv6-stateful") || type.equals("ipv6_dhcp")) {
            cfg.put("accept-ra", true);
        }
        if (type.equals("ipv4")) {
            subnet.put("ipv4", true);
        }
        if (type.equals("ipv6")) {
            subnet.put("ipv6", true);
        }
        if (net.get("services") instanceof List<?> svcs) {
            List<Object> dns = new ArrayList<>();
            if (subnet.get("dns_nameservers") instanceof List<?> given) {
                dns.addAll(given);
            }
            for (Object s : svcs) {
                if (s instanceof Map<?, ?> m && "dns".equals(m.get("type")) && m.get("address") != null
                        && !dns.contains(m.get("address"))) {
                    dns.add(m.get("address"));
                }
            }
            if (!dns.isEmpty()) {
                subnet.put("dns_nameservers", dns);
            }
        }
        return subnet;
    }

    private static final class LinkInfo {
        final String id;
        String name;
        String mac;

        LinkInfo(String id, String name, String mac) {
            this.id = id;
            this.name = name;
            this.mac = mac;
        }
    }

    private static String nameOf(Map<String, LinkInfo> infos, String id, String where) {
        LinkInfo info = infos.get(id);
        if (info == null) {
            throw new IllegalArgumentException(where + ": no link has id '" + id + "'");
        }
        if (info.name == null) {
            throw new IllegalArgumentException(where + ": link '" + id + "' has no name and no present interface has"
                    + " its MAC address " + info.mac);
        }
        return info.name;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object v, String where) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException(where + ": must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map)) {
                throw new IllegalArgumentException(where + "[" + i + "]: must be an object");
            }
            out.add((Map<String, Object>) l.get(i));
        }
        return out;
    }

    private static String text(Object v, String where) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (Values.isIntegral(v)) {
            return v.toString();
        }
        throw new IllegalArgumentException(where + ": must be a string");
    }
}
