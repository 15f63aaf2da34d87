package io.nubis.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.Dns;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Hand-made network states, subnets and routes for renderer unit tests that do not go through
 * the network-config reader; interfaces are made with {@link NetIface}. As the reader gives them,
 * IPv4 addresses and routes carry the netmask of their prefix; raw maps are empty unless a test
 * adds keys ({@link #withRaw}).
 *
 * <pre>{@code
 * NetworkState s = NetStates.state(NetIface.physical("eth0").mac("52:54:00:12:34:56")
 *         .subnets(NetStates.static4("192.0.2.5", 24, "192.0.2.1")));
 * }</pre>
 */
public final class NetStates {
    private NetStates() {
    }

    /** A version 1 state of these interfaces, without global routes or name servers. */
    public static NetworkState state(NetIface... interfaces) {
        return state(List.of(), Dns.NONE, interfaces);
    }

    /** A version 1 state of these interfaces with global name servers and search domains. */
    public static NetworkState state(Dns dns, NetIface... interfaces) {
        return state(List.of(), dns, interfaces);
    }

    /** A version 1 state of these interfaces with global routes, name servers and search domains. */
    public static NetworkState state(List<Route> routes, Dns dns, NetIface... interfaces) {
        return state(1, Arrays.stream(interfaces).map(NetIface::build).toList(), routes, dns);
    }

    /** A state of any version, without the config it was read from. */
    public static NetworkState state(int version, List<NetInterface> interfaces, List<Route> routes, Dns dns) {
        return new NetworkState(version, interfaces, routes, dns, Map.of());
    }

    /** A subnet without a static address: {@code dhcp}, {@code dhcp6}, {@code ipv6_slaac}, {@code manual}... */
    public static Subnet dynamic(String type) {
        return dynamic(type, null);
    }

    /** The same with ENI's {@code control} ({@code auto}, {@code hotplug} or {@code manual}). */
    public static Subnet dynamic(String type, String control) {
        return new Subnet(type, null, null, null, null, Dns.NONE, List.of(), control, Map.of());
    }

    /** A {@code static} subnet with an IPv4 address. */
    public static Subnet static4(String address, int prefix, String gateway, Route... routes) {
        return address("static", address, prefix, gateway, routes);
    }

    /** A {@code static6} subnet. */
    public static Subnet static6(String address, int prefix, String gateway, Route... routes) {
        return address("static6", address, prefix, gateway, routes);
    }

    /** A subnet of a static type with an address of either family (version 2 writes IPv6 addresses as {@code static}). */
    public static Subnet address(String type, String address, int prefix, String gateway, Route... routes) {
        return new Subnet(type, address, prefix, netmask(address, prefix), gateway, Dns.NONE, List.of(routes), null,
                Map.of());
    }

    /** {@code s} with its own name servers and search domains. */
    public static Subnet withDns(Subnet s, Dns dns) {
        return new Subnet(s.type(), s.address(), s.prefix(), s.netmask(), s.gateway(), dns, s.routes(), s.control(),
                s.raw());
    }

    /** {@code s} with ENI's {@code control}. */
    public static Subnet withControl(Subnet s, String control) {
        return new Subnet(s.type(), s.address(), s.prefix(), s.netmask(), s.gateway(), s.dns(), s.routes(), control,
                s.raw());
    }

    /** {@code s} with keys only the raw map carries ({@code mtu}, {@code metric}, {@code broadcast}...). */
    public static Subnet withRaw(Subnet s, Map<String, Object> raw) {
        return new Subnet(s.type(), s.address(), s.prefix(), s.netmask(), s.gateway(), s.dns(), s.routes(), s.control(),
                raw);
    }

    /** A route in the main table without a metric; {@code gateway} null for an on-link route. */
    public static Route route(String network, int prefix, String gateway) {
        return route(network, prefix, gateway, null, null);
    }

    /** A route with a metric and a table, either null for none. */
    public static Route route(String network, int prefix, String gateway, Integer metric, Integer table) {
        return new Route(network, prefix, netmask(network, prefix), gateway, metric, table, Map.of());
    }

    /** The IPv4 netmask of the prefix, or null for an IPv6 address. */
    private static String netmask(String address, int prefix) {
        if (address.contains(":")) {
            return null;
        }
        long bits = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (bits >> 24) + "." + ((bits >> 16) & 0xff) + "." + ((bits >> 8) & 0xff) + "." + (bits & 0xff);
    }
}
