package io.nubis.adapter.eni.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * The stanzas of a network state, in the reference's order: the loopback first (it carries the
 * global {@code dns-nameservers} and {@code dns-search}, since it is always up), then the
 * interfaces by kind (physical, InfiniBand, bonds, bridges, VLANs, so slaves and links come
 * before what uses them) and name, then the global routes; stanzas are separated by blank lines.
 */
final class InterfacesFile {
    private InterfacesFile() {
    }

    static String render(NetworkState state, Dialect dialect) {
        StanzaWriter writer = new StanzaWriter(dialect);
        List<List<String>> sections = new ArrayList<>(loopback(state, writer));
        List<NetInterface> ordered = state.interfaces().stream()
                .filter(i -> !i.name().equals("lo"))
                .sorted(Comparator.comparingInt((NetInterface i) -> rank(i.type())).thenComparing(NetInterface::name))
                .toList();
        for (NetInterface i : ordered) {
            sections.addAll(writer.stanzas(i.name(), i.acceptRa(), i.subnets(), InterfaceAttributes.of(i, state),
                    ownDns(i, state)));
        }
        for (Route r : state.routes()) {
            sections.add(dialect == Dialect.BUSYBOX ? RouteLines.ip(r, "", null) : RouteLines.of(r, ""));
        }
        List<String> text = new ArrayList<>();
        for (List<String> s : sections) {
            text.add(String.join("\n", s));
        }
        return String.join("\n\n", text) + "\n";
    }

    /**
     * The loopback's stanzas: {@code lo} from the state if it has one, else {@code auto lo} with the
     * loopback method; the global DNS goes on its first subnet, replacing what that subnet had.
     */
    private static List<List<String>> loopback(NetworkState state, StanzaWriter writer) {
        Dns global = state.dns();
        Optional<NetInterface> lo = state.find("lo");
        List<Subnet> subnets = new ArrayList<>(lo.map(NetInterface::subnets).orElse(List.of()));
        if (subnets.isEmpty() && (lo.isEmpty() || !global.isEmpty())) {
            subnets.add(new Subnet("loopback", null, null, null, null, Dns.NONE, List.of(), "auto", Map.of()));
        }
        if (!subnets.isEmpty() && !global.isEmpty()) {
            Subnet first = subnets.get(0);
            Dns dns = new Dns(global.nameservers().isEmpty() ? first.dns().nameservers() : global.nameservers(),
                    global.search().isEmpty() ? first.dns().search() : global.search());
            subnets.set(0, new Subnet(first.type(), first.address(), first.prefix(), first.netmask(), first.gateway(),
                    dns, first.routes(), first.control(), first.raw()));
        }
        Map<String, Object> attributes = lo.map(i -> InterfaceAttributes.of(i, state)).orElse(Map.of());
        return writer.stanzas("lo", lo.map(NetInterface::acceptRa).orElse(null), subnets, attributes,
                lo.map(i -> ownDns(i, state)).orElse(Dns.NONE));
    }

    /**
     * Name servers given for the interface itself. Version 1 has them only there (a
     * {@code nameserver} entry naming the interface), so they are written on the interface's
     * stanza; version 2 {@code nameservers} are already on the first static subnet and in the
     * global DNS, so they are not repeated. (The reference writes them as a Python dict, {@code dns {...}}.)
     */
    private static Dns ownDns(NetInterface i, NetworkState state) {
        return state.version() == 1 ? i.dns() : Dns.NONE;
    }

    private static int rank(InterfaceType type) {
        return switch (type) {
            case LOOPBACK -> 0;
            case PHYSICAL -> 1;
            case INFINIBAND -> 2;
            case BOND -> 3;
            case BRIDGE -> 4;
            case VLAN -> 5;
        };
    }
}
