package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.RenderContext;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;
import io.nubis.api.target.TargetRoot;

/** Builders for hand-made network states in tests. */
final class Net {
    private Net() {
    }

    static NetworkState state(Iface... interfaces) {
        return state(List.of(), Dns.NONE, interfaces);
    }

    static NetworkState state(List<Route> routes, Dns dns, Iface... interfaces) {
        List<NetInterface> built = new ArrayList<>();
        for (Iface i : interfaces) {
            built.add(i.build());
        }
        return new NetworkState(1, built, routes, dns, Map.of());
    }

    static Iface iface(String name) {
        return new Iface(name, InterfaceType.PHYSICAL);
    }

    static Iface iface(String name, InterfaceType type) {
        return new Iface(name, type);
    }

    static Subnet dhcp() {
        return new Subnet("dhcp", null, null, null, null, Dns.NONE, List.of(), null, Map.of());
    }

    static Subnet type(String type) {
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), null, Map.of());
    }

    static Subnet v4(String address, int prefix) {
        return v4(address, prefix, null, Dns.NONE);
    }

    static Subnet v4(String address, int prefix, String gateway, Dns dns, Route... routes) {
        return new Subnet("static", address, prefix, Ipv4.netmask(prefix), gateway, dns, List.of(routes), null, Map.of());
    }

    static Subnet v6(String address, int prefix) {
        return v6(address, prefix, null);
    }

    static Subnet v6(String address, int prefix, String gateway, Route... routes) {
        return new Subnet("static6", address, prefix, null, gateway, Dns.NONE, List.of(routes), null, Map.of());
    }

    static Route route(String network, int prefix, String gateway) {
        return route(network, prefix, gateway, null);
    }

    static Route route(String network, int prefix, String gateway, Integer table) {
        String mask = network.contains(":") ? null : Ipv4.netmask(prefix);
        return new Route(network, prefix, mask, gateway, null, table, Map.of());
    }

    static RenderContext context(TargetRoot target, Map<String, Object> options) {
        return new RenderContext() {
            @Override
            public TargetRoot target() {
                return target;
            }

            @Override
            public String distro() {
                return "freebsd";
            }

            @Override
            public String variant() {
                return "freebsd";
            }

            @Override
            public Map<String, Object> options() {
                return options;
            }
        };
    }

    /** A mutable interface description. */
    static final class Iface {
        private final String name;
        private final InterfaceType type;
        private String mac;
        private Integer mtu;
        private Boolean acceptRa;
        private final List<Subnet> subnets = new ArrayList<>();
        private final List<String> members = new ArrayList<>();
        private String link;
        private Integer vlanId;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private Dns dns = Dns.NONE;

        Iface(String name, InterfaceType type) {
            this.name = name;
            this.type = type;
        }

        Iface mac(String m) {
            mac = m;
            return this;
        }

        Iface mtu(int m) {
            mtu = m;
            return this;
        }

        Iface acceptRa(boolean ra) {
            acceptRa = ra;
            return this;
        }

        Iface subnets(Subnet... s) {
            subnets.addAll(List.of(s));
            return this;
        }

        Iface members(String... m) {
            members.addAll(List.of(m));
            return this;
        }

        Iface vlan(String onLink, int id) {
            link = onLink;
            vlanId = id;
            return this;
        }

        Iface param(String key, Object value) {
            params.put(key, value);
            return this;
        }

        Iface dns(Dns d) {
            dns = d;
            return this;
        }

        NetInterface build() {
            return new NetInterface(name, type, mac, mtu, acceptRa, false, false, Match.NONE, subnets, members, link,
                    vlanId, params, dns, Map.of());
        }
    }
}
