package io.nubis.adapter.networkmanager.internal;

import java.util.List;
import java.util.Map;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/** Hand-built network states for unit tests. */
final class States {
    private States() {
    }

    static NetworkState of(NetInterface... ifaces) {
        return new NetworkState(1, List.of(ifaces), List.of(), Dns.NONE, Map.of());
    }

    static NetInterface physical(String name, String mac, Subnet... subnets) {
        return iface(name, InterfaceType.PHYSICAL, mac, List.of(), Map.of(), subnets);
    }

    static NetInterface iface(String name, InterfaceType type, String mac, List<String> members,
            Map<String, Object> params, Subnet... subnets) {
        return new NetInterface(name, type, mac, null, null, false, false, Match.NONE, List.of(subnets), members,
                null, null, params, Dns.NONE, Map.of());
    }

    static NetInterface vlan(String name, String link, int id, Subnet... subnets) {
        return new NetInterface(name, InterfaceType.VLAN, null, null, null, false, false, Match.NONE,
                List.of(subnets), List.of(), link, id, Map.of(), Dns.NONE, Map.of());
    }

    static Subnet dynamic(String type) {
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), null, Map.of("type", type));
    }

    static Subnet withAddress(String type, String address, int prefix, String gateway, Dns dns, Route... routes) {
        return new Subnet(type, address, prefix, null, gateway, dns, List.of(routes), null, Map.of("type", type));
    }

    static Route route(String network, int prefix, String gateway) {
        return new Route(network, prefix, null, gateway, null, null, Map.of());
    }
}
