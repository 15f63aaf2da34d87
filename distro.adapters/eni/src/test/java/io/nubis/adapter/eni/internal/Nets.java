package io.nubis.adapter.eni.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/** Hand-built network states for unit tests, independent of the network-config reader. */
final class Nets {
    private Nets() {
    }

    /** An interface under construction. */
    static final class If {
        private final String name;
        private final InterfaceType type;
        private String mac;
        private Integer mtu;
        private Boolean acceptRa;
        private boolean wol;
        private Match match = Match.NONE;
        private final List<Subnet> subnets = new ArrayList<>();
        private final List<String> members = new ArrayList<>();
        private String link;
        private Integer vlanId;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private Dns dns = Dns.NONE;

        If(String name, InterfaceType type) {
            this.name = name;
            this.type = type;
        }

        If mac(String m) {
            mac = m;
            return this;
        }

        If mtu(int m) {
            mtu = m;
            return this;
        }

        If acceptRa(boolean a) {
            acceptRa = a;
            return this;
        }

        If wakeOnLan() {
            wol = true;
            return this;
        }

        If driver(String d) {
            match = new Match(mac, null, d);
            return this;
        }

        If subnet(Subnet s) {
            subnets.add(s);
            return this;
        }

        If members(String... m) {
            members.addAll(List.of(m));
            return this;
        }

        If vlan(String on, int id) {
            link = on;
            vlanId = id;
            return this;
        }

        If param(String k, Object v) {
            params.put(k, v);
            return this;
        }

        If dns(List<String> ns, List<String> search) {
            dns = new Dns(ns, search);
            return this;
        }

        NetInterface build() {
            return new NetInterface(name, type, mac, mtu, acceptRa, wol, false, match, subnets, members, link, vlanId,
                    params, dns, Map.of());
        }
    }

    static If phys(String name) {
        return new If(name, InterfaceType.PHYSICAL);
    }

    static If of(String name, InterfaceType type) {
        return new If(name, type);
    }

    static Subnet dynamic(String type) {
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), null, Map.of());
    }

    static Subnet dynamic(String type, String control) {
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), control, Map.of());
    }

    static Subnet static4(String address, int prefix, String gateway, Route... routes) {
        return new Subnet("static", address, prefix, Netmasks.ipv4(prefix), gateway, Dns.NONE, List.of(routes), null,
                Map.of());
    }

    static Subnet static6(String address, int prefix, String gateway) {
        return new Subnet("static6", address, prefix, null, gateway, Dns.NONE, List.of(), null, Map.of());
    }

    /** A subnet with keys only the raw map carries ({@code mtu}, {@code metric}, {@code broadcast}...). */
    static Subnet withRaw(Subnet s, Map<String, Object> raw) {
        return new Subnet(s.type(), s.address(), s.prefix(), s.netmask(), s.gateway(), s.dns(), s.routes(), s.control(),
                raw);
    }

    static Subnet withControl(Subnet s, String control) {
        return new Subnet(s.type(), s.address(), s.prefix(), s.netmask(), s.gateway(), s.dns(), s.routes(), control,
                s.raw());
    }

    static Subnet withDns(Subnet s, List<String> ns, List<String> search) {
        return new Subnet(s.type(), s.address(), s.prefix(), s.netmask(), s.gateway(), new Dns(ns, search), s.routes(),
                s.control(), s.raw());
    }

    static Route route(String network, int prefix, String gateway, Integer metric) {
        return new Route(network, prefix, network.contains(":") ? null : Netmasks.ipv4(prefix), gateway, metric, null,
                Map.of());
    }

    static NetworkState v1(List<NetInterface> ifs) {
        return new NetworkState(1, ifs, List.of(), Dns.NONE, Map.of());
    }

    static NetworkState state(int version, List<NetInterface> ifs, List<Route> routes, Dns dns) {
        return new NetworkState(version, ifs, routes, dns, Map.of());
    }
}
