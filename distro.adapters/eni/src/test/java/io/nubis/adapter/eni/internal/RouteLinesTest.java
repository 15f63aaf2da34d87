package io.nubis.adapter.eni.internal;

import static io.nubis.testkit.NetStates.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouteLinesTest {
    @Test
    void defaultRoutes() {
        assertEquals(" default gw 10.0.0.1", RouteLines.spec(route("0.0.0.0", 0, "10.0.0.1")));
        assertEquals(" -A inet6 default gw fe80::1 metric 5", RouteLines.spec(route("::", 0, "fe80::1", 5, null)));
    }

    @Test
    void networksHostsAndIpv6() {
        assertEquals(" -net 10.0.0.0/8 gw 10.0.0.254 metric 100", RouteLines.spec(route("10.0.0.0", 8, "10.0.0.254", 100, null)));
        assertEquals(" -host 10.1.2.3/32 gw 10.0.0.1 metric 0", RouteLines.spec(route("10.1.2.3", 32, "10.0.0.1", 0, null)));
        assertEquals(" -A inet6 2001:db8::/32 gw fd00::1", RouteLines.spec(route("2001:db8::", 32, "fd00::1")));
        // a /32 IPv6 network is not a host route
        assertEquals(" -A inet6 2001:db8::1/128 gw fd00::1", RouteLines.spec(route("2001:db8::1", 128, "fd00::1")));
        // a zero network with a prefix is a network, not the default
        assertEquals(" -net 0.0.0.0/1 gw 10.0.0.1", RouteLines.spec(route("0.0.0.0", 1, "10.0.0.1")));
    }

    @Test
    void onLinkRouteHasNoGateway() {
        assertEquals(" -net 192.168.0.0/16", RouteLines.spec(route("192.168.0.0", 16, null)));
    }

    @Test
    void upAndDownLinesWithIndent() {
        assertEquals(List.of("    post-up route add -net 10.0.0.0/8 gw 10.0.0.1 || true",
                "    pre-down route del -net 10.0.0.0/8 gw 10.0.0.1 || true"),
                RouteLines.of(route("10.0.0.0", 8, "10.0.0.1"), "    "));
    }

    @Test
    void ipRouteFormForBusybox() {
        assertEquals(List.of("    post-up ip route add default via 10.0.0.1 dev eth0 metric 7 || true",
                "    pre-down ip route del default via 10.0.0.1 dev eth0 metric 7 || true"),
                RouteLines.ip(route("0.0.0.0", 0, "10.0.0.1", 7, null), "    ", "eth0"));
        assertEquals(List.of("post-up ip -6 route add 2001:db8::/48 via fd00::1 || true",
                "pre-down ip -6 route del 2001:db8::/48 via fd00::1 || true"),
                RouteLines.ip(route("2001:db8::", 48, "fd00::1"), "", null));
        assertEquals(List.of("post-up ip -6 route add default via fe80::1 dev eth1 || true",
                "pre-down ip -6 route del default via fe80::1 dev eth1 || true"),
                RouteLines.ip(route("::", 0, "fe80::1"), "", "eth1"));
    }
}
