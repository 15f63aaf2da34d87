package io.nubis.adapter.networkd.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.net.support.GlobalRoutes;
import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * The {@code .network} file of one interface, with the reference's sections and lines:
 * {@code [Match]} (name, driver, MAC address), {@code [Link]} MTU, {@code [Network]} DHCP mode,
 * name servers and search domains (the interface's own, else for version 1 the global ones),
 * one {@code [Address]} per static address, {@code [Route]} sections for subnet routes, subnet
 * gateways and global routes, and for version 2 the {@code [DHCPv4]}/{@code [DHCPv6]} overrides.
 * <p>
 * Added where the reference leaves the interface unusable: {@code Bond=}, {@code Bridge=} and
 * {@code VLAN=} lines that attach it to its netdevs (with {@code PrimarySlave=} and the bridge
 * port's {@code [Bridge]} cost and priority), a version 2 name glob matched as the glob, global
 * routes only on the interfaces that reach their gateway, route tables, DHCP overrides for every
 * kind of version 2 definition, and {@code UseDomains=route}.
 */
final class NetworkUnits {
    private static final Map<String, String> DHCP_COMMON = Map.of(
            "UseDNS", "use-dns", "UseDomains", "use-domains", "UseHostname", "use-hostname", "UseNTP", "use-ntp");
    private static final Map<String, String> DHCP4_ONLY = Map.of(
            "SendHostname", "send-hostname", "Hostname", "hostname", "RouteMetric", "route-metric",
            "UseMTU", "use-mtu", "UseRoutes", "use-routes");

    private final NetworkState state;

    NetworkUnits(NetworkState state) {
        this.state = state;
    }

    NetworkFile of(NetInterface i) {
        NetworkFile f = new NetworkFile();
        match(i, f);
        if (i.mtu() != null) {
            f.put("Link", "MTUBytes", i.mtu());
        }
        String dhcp = subnets(i, f);
        dns(i, f);
        globalRoutes(i, f);
        if (state.version() == 2) {
            dhcpOptions(i, dhcp, f);
        }
        membership(i, f);
        return f;
    }

    private void match(NetInterface i, NetworkFile f) {
        boolean glob = state.version() == 2 && i.match().name() != null && !i.raw().containsKey("set-name");
        f.put("Match", "Name", glob ? i.match().name() : i.name());
        if (i.match().driver() != null) {
            f.put("Match", "Driver", i.match().driver());
        }
        if (i.macAddress() != null) {
            f.put("Match", "MACAddress", i.macAddress());
        }
    }

    /** Addresses, gateways, subnet routes and name servers; returns the DHCP mode. */
    private static String subnets(NetInterface i, NetworkFile f) {
        String dhcp = "no";
        int rid = 0;
        for (Subnet s : i.subnets()) {
            if (s.isDhcp4()) {
                dhcp = dhcp.equals("no") ? "ipv4" : dhcp.equals("ipv6") ? "yes" : dhcp;
            } else if (s.type().equals("dhcp6")) {
                dhcp = dhcp.equals("no") ? "ipv6" : dhcp.equals("ipv4") ? "yes" : dhcp;
            }
            for (Route r : s.routes()) {
                route(f, "r" + rid++, r);
            }
            if (s.address() != null) {
                f.put(NetworkFile.ADDRESS, "Address", s.cidr());
                if (s.gateway() != null && !s.gateway().isEmpty()) {
                    f.route("a" + rid++, "Gateway", s.gateway());
                }
                if (!s.dns().nameservers().isEmpty()) {
                    f.put("Network", "DNS", String.join(" ", s.dns().nameservers()));
                }
                if (!s.dns().search().isEmpty()) {
                    f.put("Network", "Domains", String.join(" ", s.dns().search()));
                }
            }
        }
        f.put("Network", "DHCP", dhcp);
        if ((dhcp.equals("ipv6") || dhcp.equals("yes")) && i.acceptRa() != null) {
            f.put("Network", "IPv6AcceptRA", i.acceptRa());
        }
        return dhcp;
    }

    static void route(NetworkFile f, String rid, Route r) {
        if (r.gateway() != null) {
            f.route(rid, "Gateway", r.gateway());
        }
        f.route(rid, "Destination", r.network() + "/" + r.prefix());
        if (r.metric() != null) {
            f.route(rid, "Metric", r.metric());
        }
        if (r.table() != null) {
            f.route(rid, "Table", r.table());
        }
    }

    private void dns(NetInterface i, NetworkFile f) {
        Dns d = i.dns();
        if (d.isEmpty()) {
            if (state.version() != 1) {
                return;
            }
            d = state.dns();
        }
        if (!d.search().isEmpty()) {
            f.put("Network", "Domains", String.join(" ", d.search()));
        }
        if (!d.nameservers().isEmpty()) {
            f.put("Network", "DNS", String.join(" ", d.nameservers()));
        }
    }

    private void globalRoutes(NetInterface i, NetworkFile f) {
        List<Route> routes = state.routes();
        for (int n = 0; n < routes.size(); n++) {
            List<NetInterface> homes = GlobalRoutes.homes(state, routes.get(n));
            if (homes.isEmpty() || homes.stream().anyMatch(h -> h.name().equals(i.name()))) {
                route(f, "c" + n, routes.get(n));
            }
        }
    }

    private static void dhcpOptions(NetInterface i, String dhcp, NetworkFile f) {
        Map<String, Object> raw = i.raw();
        for (String v : List.of("4", "6")) {
            Object domain = raw.get("dhcp" + v + "domain");
            if (domain != null) {
                String text = PyText.str(domain).toLowerCase(java.util.Locale.ROOT);
                f.put("DHCPv" + v, "UseDomains", text.equals("route") ? "route" : PyText.yesNo(text));
            }
        }
        for (String v : List.of("4", "6")) {
            Object o = raw.get("dhcp" + v + "-overrides");
            Map<?, ?> overrides = o instanceof Map<?, ?> m ? m : Map.of();
            if (raw.containsKey("dhcp" + v + "domain") && overrides.containsKey("use-domains")) {
                throw new IllegalArgumentException(i.name() + " has both dhcp" + v + "domain and dhcp" + v
                        + "-overrides.use-domains configured. Use one");
            }
            if (!(dhcp.equals("yes") || dhcp.equals("ipv" + v))) {
                continue;
            }
            put(f, "DHCPv" + v, DHCP_COMMON, overrides);
            if (v.equals("4")) {
                put(f, "DHCPv4", DHCP4_ONLY, overrides);
            }
        }
    }

    private static void put(NetworkFile f, String section, Map<String, String> keys, Map<?, ?> overrides) {
        keys.forEach((key, name) -> {
            if (overrides.containsKey(name)) {
                f.put(section, key, overrides.get(name));
            }
        });
    }

    /** Attaches the interface to its bond or bridge and to the VLANs on it. */
    private void membership(NetInterface i, NetworkFile f) {
        Optional<NetInterface> parent = state.parentOf(i.name());
        if (parent.isPresent()) {
            NetInterface p = parent.get();
            if (p.type() == InterfaceType.BOND) {
                f.put("Network", "Bond", p.name());
                if (i.name().equals(Netdevs.param(p.params(), "bond", "primary"))) {
                    f.put("Network", "PrimarySlave", "yes");
                }
            } else if (p.type() == InterfaceType.BRIDGE) {
                f.put("Network", "Bridge", p.name());
                String cost = Netdevs.perPort(Netdevs.param(p.params(), "bridge", "pathcost"), i.name());
                if (cost != null) {
                    f.put("Bridge", "Cost", cost);
                }
                String prio = Netdevs.perPort(Netdevs.param(p.params(), "bridge", "portprio"), i.name());
                if (prio != null) {
                    f.put("Bridge", "Priority", prio);
                }
            }
        }
        for (NetInterface v : state.ofType(InterfaceType.VLAN)) {
            if (i.name().equals(v.link())) {
                f.put("Network", "VLAN", v.name());
            }
        }
    }
}
