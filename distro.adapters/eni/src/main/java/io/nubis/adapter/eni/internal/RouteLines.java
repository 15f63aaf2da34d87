package io.nubis.adapter.eni.internal;

import java.util.List;

import io.nubis.api.net.Route;

/**
 * A route as the reference writes it: a {@code post-up route add} and a {@code pre-down route del}
 * line (net-tools syntax, {@code || true} so a route that exists or is gone does not fail the
 * interface). Routing tables are not written: {@code route} has none, and the reference drops them.
 */
final class RouteLines {
    private RouteLines() {
    }

    /** The two lines for a route, each prefixed with {@code indent}. */
    static List<String> of(Route route, String indent) {
        String spec = spec(route);
        return List.of(indent + "post-up route add" + spec + " || true",
                indent + "pre-down route del" + spec + " || true");
    }

    /**
     * The two lines for busybox, with {@code ip route}: busybox's {@code route} stops reading options
     * at {@code add}, so it cannot take the reference's {@code route add -A inet6 ...}.
     *
     * @param device the interface the route is written under, or null for a global route
     */
    static List<String> ip(Route route, String indent, String device) {
        String ip = route.isIpv6() ? "ip -6 route " : "ip route ";
        StringBuilder spec = new StringBuilder();
        spec.append(route.isDefault() ? "default" : route.network() + "/" + route.prefix());
        if (route.gateway() != null) {
            spec.append(" via ").append(route.gateway());
        }
        if (device != null) {
            spec.append(" dev ").append(device);
        }
        if (route.metric() != null) {
            spec.append(" metric ").append(route.metric());
        }
        return List.of(indent + "post-up " + ip + "add " + spec + " || true",
                indent + "pre-down " + ip + "del " + spec + " || true");
    }

    /** What follows {@code route add}: destination, gateway, metric. */
    static String spec(Route route) {
        StringBuilder s = new StringBuilder();
        String network = route.network();
        String defaultTo = "";
        if ("0.0.0.0".equals(network) && route.prefix() == 0) {
            defaultTo = " default";
        } else if ("::".equals(network) && route.prefix() == 0) {
            defaultTo = " -A inet6 default";
        }
        if (defaultTo.isEmpty()) {
            if (network.contains(":")) {
                s.append(" -A inet6");
            } else if (route.prefix() == 32) {
                s.append(" -host");
            } else {
                s.append(" -net");
            }
            s.append(' ').append(network).append('/').append(route.prefix());
        }
        // An on-link route has no gateway; the reference fails on it, route(8) takes it without "gw".
        s.append(defaultTo);
        if (route.gateway() != null) {
            s.append(" gw ").append(route.gateway());
        }
        if (route.metric() != null) {
            s.append(" metric ").append(route.metric());
        }
        return s.toString();
    }
}
