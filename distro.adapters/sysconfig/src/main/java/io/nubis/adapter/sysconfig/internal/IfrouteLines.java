package io.nubis.adapter.sysconfig.internal;

import java.util.ArrayList;
import java.util.List;

import io.nubis.api.net.NetInterface;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * The routes of one interface in wicked's {@code ifroute-<interface>} syntax
 * ({@code DESTINATION GATEWAY NETMASK INTERFACE [OPTIONS]}, see ifroute(5)): a static subnet's
 * gateway as {@code default}, and every subnet route with its metric and table.
 * <p>
 * A deliberate deviation: 22.4 writes no routes at all for SUSE (its route code returns early
 * for the SUSE flavour, and SUSE's own package carries a patch for it), so a static address
 * would get no default route. Global version 1 {@code route} entries are not written, as in
 * the reference, which ignores them in every flavour.
 */
final class IfrouteLines {
    private IfrouteLines() {
    }

    /**
     * The lines for one interface, each ending with a newline.
     *
     * @param ipv6 true for the IPv6 routes, false for the IPv4 ones
     */
    static List<String> of(NetInterface iface, boolean ipv6) {
        List<String> lines = new ArrayList<>();
        for (Subnet subnet : iface.subnets()) {
            String gw = subnet.gateway();
            if (subnet.isStatic() && gw != null && gw.contains(":") == ipv6) {
                lines.add("default " + gw + " - " + iface.name() + "\n");
            }
            for (Route route : subnet.routes()) {
                boolean routeIpv6 = route.isIpv6() || route.gateway() != null && route.gateway().contains(":");
                if (routeIpv6 == ipv6) {
                    lines.add(line(route, iface.name()));
                }
            }
        }
        return lines;
    }

    private static String line(Route route, String iface) {
        StringBuilder sb = new StringBuilder();
        sb.append(route.isDefault() && route.gateway() != null ? "default" : route.network() + "/" + route.prefix());
        sb.append(' ').append(route.gateway() == null ? "-" : route.gateway());
        sb.append(" - ").append(iface);
        if (route.metric() != null) {
            sb.append(" metric ").append(route.metric());
        }
        if (route.table() != null) {
            sb.append(" table ").append(route.table());
        }
        return sb.append('\n').toString();
    }
}
