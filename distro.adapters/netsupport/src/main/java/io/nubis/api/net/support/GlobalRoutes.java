package io.nubis.api.net.support;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Which interfaces a global (version 1 {@code route}) route belongs to, for stacks that only
 * have routes per interface: those whose static subnets hold its gateway, or, if none does,
 * those that get an address of the gateway's family by DHCP or SLAAC. (The reference drops
 * global routes from netplan output altogether, and puts every one into every networkd file,
 * where networkd fails to add it on the links that cannot reach the gateway.)
 */
public final class GlobalRoutes {
    private GlobalRoutes() {
    }

    /** The interfaces that can reach the route's gateway; empty if none can or it has none. */
    public static List<NetInterface> homes(NetworkState state, Route route) {
        List<NetInterface> out = new ArrayList<>();
        if (route.gateway() == null) {
            return out;
        }
        for (NetInterface i : state.interfaces()) {
            if (i.subnets().stream().anyMatch(s -> s.isStatic() && contains(s, route.gateway()))) {
                out.add(i);
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        boolean v6 = route.gateway().contains(":");
        for (NetInterface i : state.interfaces()) {
            if (i.subnets().stream().anyMatch(s -> v6 ? s.isIpv6() && !s.isStatic() : s.isDhcp4())) {
                out.add(i);
            }
        }
        return out;
    }

    /** True if the static subnet's network holds {@code address}. */
    public static boolean contains(Subnet s, String address) {
        if (s.address() == null || s.prefix() == null || s.address().contains(":") != address.contains(":")) {
            return false;
        }
        BigInteger net = number(s.address());
        BigInteger a = number(address);
        if (net == null || a == null) {
            return false;
        }
        int bits = address.contains(":") ? 128 : 32;
        int host = bits - s.prefix();
        return host >= 0 && net.shiftRight(host).equals(a.shiftRight(host));
    }

    private static BigInteger number(String literal) {
        // literals only: a name must never be looked up
        boolean v4 = literal.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
        if (!v4 && !(literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+"))) {
            return null;
        }
        try {
            return new BigInteger(1, InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
