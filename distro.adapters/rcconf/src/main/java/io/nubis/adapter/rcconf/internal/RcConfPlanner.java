package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nubis.api.net.support.Netmasks;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Turns a network state into the rc.conf keys that describe it, in the reference's order:
 * interface renames, then routes, then the interfaces.
 * <ul>
 * <li>{@code ifconfig_<current>_name=<name>} for a physical interface whose MAC is known under
 * another name; a rename written by an earlier render stays while its interface is in the state,
 * since netif renames at every boot and a later render may already see the new name.</li>
 * <li>{@code defaultrouter} / {@code ipv6_defaultrouter} from default routes and the gateways of
 * static subnets (the last one wins, as in the reference); a link-local IPv6 gateway gets the
 * interface as its scope ({@code fe80::1%em0}).</li>
 * <li>Other routes as {@code static_routes} / {@code ipv6_static_routes} elements
 * {@code net<N>} with {@code route_net<N>} / {@code ipv6_route_net<N>} holding route(8)
 * arguments ({@code -net 10.0.0.0/8 192.0.2.1}, {@code -host} for a single address,
 * {@code -iface em0} without a gateway, {@code -fib T} for a table). A route of a subnet is
 * listed as {@code net<N>:<interface>}, so rc.d/routing also adds it when that interface alone
 * is started. Route metrics have no counterpart in route(8) and are left out.</li>
 * <li>{@code cloned_interfaces}: the lagg and bridge interfaces (laggs first, so that a bridge
 * over a lagg finds it).</li>
 * <li>Per interface: {@code vlans_<if>} for its VLANs (the tag for VLANs named
 * {@code <if>.<tag>}, else the name with {@code create_args_<name>="vlan <tag>"});
 * {@code ifconfig_<if>}: lagg or bridge arguments, then {@code DHCP}, or the first static IPv4
 * address ({@code inet A netmask M}), or {@code up}, then {@code mtu N};
 * {@code ifconfig_<if>_ipv6}: the first static IPv6 address ({@code inet6 A prefixlen P}) and
 * {@code accept_rtadv} for SLAAC, DHCPv6 (base FreeBSD has no DHCPv6 client; router
 * advertisements give the address and router) or {@code accept-ra: true};
 * {@code ifconfig_<if>_alias<n>} for every further address, numbered from 0 without gaps as
 * rc.d requires (an IPv4 alias inside the first address's subnet gets the netmask
 * 255.255.255.255, as ifconfig(8) asks).</li>
 * </ul>
 */
final class RcConfPlanner {
    private static final Pattern RENAME = Pattern.compile("ifconfig_[A-Za-z0-9_]+_name");
    private static final Set<String> RA_TYPES =
            Set.of("ipv6_slaac", "dhcp6", "ipv6_dhcpv6-stateless", "ipv6_dhcpv6-stateful");

    private final NetworkState state;
    private final FreeBsdNames names;
    private final RcConfFile file;
    private final Set<String> foreignKeys;
    private final RcConfKeys keys = new RcConfKeys();
    private final Set<String> routesSeen = new HashSet<>();
    private int v4Routes;
    private int v6Routes;

    private RcConfPlanner(NetworkState state, RcConfFile file) {
        this.state = state;
        this.file = file;
        this.foreignKeys = file.foreignKeys();
        this.names = FreeBsdNames.of(state, file.foreignElements("cloned_interfaces"));
    }

    /**
     * The keys for {@code state}.
     *
     * @param currentNames lower-case MAC address to the name the interface has now
     * @param file         the rc.conf as it is, for names other software already uses
     */
    static RcConfKeys plan(NetworkState state, Map<String, String> currentNames, RcConfFile file) {
        RcConfPlanner p = new RcConfPlanner(state, file);
        p.renames(currentNames);
        p.routes();
        p.interfaces();
        p.keys.renamed(p.names.renamed());
        return p.keys;
    }

    private List<NetInterface> configured() {
        return state.interfaces().stream()
                .filter(i -> i.type() != InterfaceType.LOOPBACK && !i.name().matches("lo[0-9]+"))
                .toList();
    }

    private void renames(Map<String, String> currentNames) {
        for (NetInterface i : configured()) {
            if (i.type() != InterfaceType.PHYSICAL && i.type() != InterfaceType.INFINIBAND) {
                continue;
            }
            String mac = i.macAddress() != null ? i.macAddress() : i.match().macAddress();
            String current = mac == null ? null : currentNames.get(mac.toLowerCase(Locale.ROOT));
            String name = names.of(i.name());
            if (current != null && !current.equals(name)) {
                keys.put("ifconfig_" + FreeBsdNames.var(current) + "_name", name);
            }
        }
        // Renames are not persistent: rc.d/netif applies them again at every boot. A render made
        // after netif renamed the interface sees it under its new name already, so a rename
        // written earlier is kept while its interface is still in the state.
        Set<String> renamedTo = new HashSet<>();
        keys.values().forEach((key, value) -> {
            if (RENAME.matcher(key).matches()) {
                renamedTo.add(value);
            }
        });
        file.ownedValues().forEach((key, value) -> {
            if (RENAME.matcher(key).matches() && !keys.values().containsKey(key) && !renamedTo.contains(value)
                    && configured().stream().anyMatch(i -> names.of(i.name()).equals(value))) {
                keys.put(key, value);
                renamedTo.add(value);
            }
        });
    }

    // ---- routes --------------------------------------------------------------------------------

    private void routes() {
        for (Route r : state.routes()) {
            route(r, null);
        }
        for (NetInterface i : configured()) {
            String ifname = names.of(i.name());
            for (Subnet s : i.subnets()) {
                String gw = s.gateway();
                if (s.isStatic() && gw != null) {
                    if (Ipv4.is(gw)) {
                        keys.put("defaultrouter", gw);
                    } else if (gw.contains(":")) {
                        keys.put("ipv6_defaultrouter", scoped(gw, ifname));
                    }
                }
                for (Route r : s.routes()) {
                    route(r, ifname);
                }
            }
        }
    }

    private void route(Route r, String ifname) {
        boolean v6 = r.isIpv6();
        String gw = r.gateway() == null ? null : v6 && ifname != null ? scoped(r.gateway(), ifname) : r.gateway();
        if (r.isDefault() && r.table() == null) {
            if (gw != null) {
                keys.put(v6 ? "ipv6_defaultrouter" : "defaultrouter", gw);
            }
            return;
        }
        List<String> args = new ArrayList<>();
        if (r.isDefault()) {
            args.add("default");
        } else if (r.prefix() == (v6 ? 128 : 32)) {
            args.add("-host");
            args.add(r.network());
        } else {
            args.add("-net");
            args.add(r.network() + "/" + r.prefix());
        }
        if (gw != null) {
            args.add(gw);
        } else if (ifname != null) {
            args.add("-iface");
            args.add(ifname);
        } else {
            return;
        }
        if (r.table() != null) {
            args.add("-fib");
            args.add(r.table().toString());
        }
        String value = String.join(" ", args);
        if (!routesSeen.add((v6 ? "6 " : "4 ") + ifname + " " + value)) {
            return;
        }
        String list = v6 ? "ipv6_static_routes" : "static_routes";
        String prefix = v6 ? "ipv6_route_" : "route_";
        String name = routeName(list, prefix, v6);
        keys.add(list, ifname == null ? name : name + ":" + ifname);
        keys.put(prefix + name, value);
    }

    private String routeName(String list, String prefix, boolean v6) {
        List<String> foreign = file.foreignElements(list);
        while (true) {
            String name = "net" + (v6 ? v6Routes++ : v4Routes++);
            boolean used = foreignKeys.contains(prefix + name)
                    || foreign.stream().anyMatch(e -> e.equals(name) || e.startsWith(name + ":"));
            if (!used) {
                return name;
            }
        }
    }

    private static String scoped(String gateway, String ifname) {
        String g = gateway.toLowerCase(Locale.ROOT);
        boolean linkLocal = g.startsWith("fe8") || g.startsWith("fe9") || g.startsWith("fea") || g.startsWith("feb");
        return linkLocal && !g.contains("%") ? gateway + "%" + ifname : gateway;
    }

    // ---- interfaces ----------------------------------------------------------------------------

    private void interfaces() {
        for (NetInterface i : state.ofType(InterfaceType.BOND)) {
            keys.add("cloned_interfaces", names.of(i.name()));
        }
        for (NetInterface i : state.ofType(InterfaceType.BRIDGE)) {
            keys.add("cloned_interfaces", names.of(i.name()));
        }
        Map<String, List<String>> vlans = new LinkedHashMap<>();
        for (NetInterface v : state.ofType(InterfaceType.VLAN)) {
            if (v.link() == null || v.vlanId() == null) {
                continue;
            }
            String parent = names.of(v.link());
            String name = names.of(v.name());
            vlans.computeIfAbsent(parent, k -> new ArrayList<>())
                    .add(name.equals(parent + "." + v.vlanId()) ? v.vlanId().toString() : name);
        }
        for (NetInterface i : configured()) {
            String name = names.of(i.name());
            String var = FreeBsdNames.var(name);
            if (i.type() == InterfaceType.VLAN && i.link() != null && i.vlanId() != null) {
                String parent = names.of(i.link());
                if (state.find(i.link()).isEmpty()) {
                    keys.put("vlans_" + FreeBsdNames.var(parent), String.join(" ", vlans.get(parent)));
                }
                if (!name.equals(parent + "." + i.vlanId())) {
                    keys.put("create_args_" + var, "vlan " + i.vlanId());
                }
            }
            if (vlans.containsKey(name)) {
                keys.put("vlans_" + var, String.join(" ", vlans.get(name)));
            }
            addresses(i, var);
        }
    }

    private void addresses(NetInterface i, String var) {
        List<String> main = new ArrayList<>();
        if (i.type() == InterfaceType.BOND) {
            main.addAll(LaggArgs.of(i, names));
        } else if (i.type() == InterfaceType.BRIDGE) {
            main.addAll(BridgeArgs.of(i, names));
        }
        Subnet primary = null;
        Subnet primary6 = null;
        List<Subnet> aliases = new ArrayList<>();
        boolean ra = Boolean.TRUE.equals(i.acceptRa());
        for (Subnet s : i.subnets()) {
            ra |= RA_TYPES.contains(s.type());
            if (!s.isStatic() || s.address() == null) {
                continue;
            }
            if (s.isIpv6()) {
                if (primary6 == null) {
                    primary6 = s;
                } else {
                    aliases.add(s);
                }
            } else if (netmask(s) != null) {
                if (primary == null && !i.hasDhcp4()) {
                    primary = s;
                } else {
                    aliases.add(s);
                }
            }
        }
        if (i.hasDhcp4()) {
            main.add("DHCP");
        } else if (primary != null) {
            main.addAll(List.of("inet", primary.address(), "netmask", netmask(primary)));
        } else {
            main.add("up");
        }
        Integer mtu = mtu(i);
        if (mtu != null) {
            main.addAll(List.of("mtu", mtu.toString()));
        }
        keys.put("ifconfig_" + var, String.join(" ", main));

        List<String> v6 = new ArrayList<>();
        if (primary6 != null) {
            v6.addAll(inet6(primary6));
        }
        if (ra) {
            if (v6.isEmpty()) {
                v6.add("inet6");
            }
            v6.add("accept_rtadv");
        }
        if (!v6.isEmpty()) {
            keys.put("ifconfig_" + var + "_ipv6", String.join(" ", v6));
        }
        int n = 0;
        for (Subnet s : aliases) {
            List<String> a;
            if (s.isIpv6()) {
                a = inet6(s);
            } else {
                String mask = primary != null && Ipv4.sameSubnet(s.address(), primary.address(), netmask(primary))
                        ? "255.255.255.255" : netmask(s);
                a = List.of("inet", s.address(), "netmask", mask);
            }
            keys.put("ifconfig_" + var + "_alias" + n++, String.join(" ", a));
        }
    }

    private static List<String> inet6(Subnet s) {
        return s.prefix() == null ? List.of("inet6", s.address())
                : List.of("inet6", s.address(), "prefixlen", s.prefix().toString());
    }

    private static String netmask(Subnet s) {
        return s.netmask() != null ? s.netmask() : s.prefix() != null ? Netmasks.ipv4(s.prefix()) : null;
    }

    /** The interface's MTU, else the first one a subnet gives (the reference reads both). */
    private static Integer mtu(NetInterface i) {
        if (i.mtu() != null) {
            return i.mtu();
        }
        for (Subnet s : i.subnets()) {
            Object m = s.raw().get("mtu");
            if (m instanceof Number n) {
                return n.intValue();
            }
            if (m != null && m.toString().trim().matches("[0-9]{1,6}")) {
                return Integer.parseInt(m.toString().trim());
            }
        }
        return null;
    }
}
