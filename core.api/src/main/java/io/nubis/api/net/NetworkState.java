package io.nubis.api.net;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network configuration read from version 1 or version 2 network-config, in one model:
 * what every {@link NetworkRenderer} reads.
 *
 * @param version    the version of the config it was read from (1 or 2)
 * @param interfaces the interfaces, in the config's order; names are unique
 * @param routes     global routes (version 1 {@code route} entries)
 * @param dns        global name servers and search domains (version 1 {@code nameserver}
 *                   entries, and for version 2 the union of every interface's)
 * @param source     the config as given (its {@code network:} wrapper removed), for renderers
 *                   that pass version 2 through unchanged, like netplan
 */
public record NetworkState(int version, List<NetInterface> interfaces, List<Route> routes, Dns dns,
        Map<String, Object> source) {

    public NetworkState {
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
        dns = dns == null ? Dns.NONE : dns;
        source = source == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
    }

    /** The interface with this name. */
    public Optional<NetInterface> find(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The bond or bridge that lists {@code name} among its members. */
    public Optional<NetInterface> parentOf(String name) {
        return interfaces.stream().filter(i -> i.members().contains(name)).findFirst();
    }

    /** The interfaces of one type, in order. */
    public List<NetInterface> ofType(InterfaceType type) {
        return interfaces.stream().filter(i -> i.type() == type).toList();
    }
}
