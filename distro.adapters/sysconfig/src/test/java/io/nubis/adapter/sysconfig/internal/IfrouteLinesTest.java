package io.nubis.adapter.sysconfig.internal;

import static io.nubis.testkit.NetIface.physical;
import static io.nubis.testkit.NetStates.dynamic;
import static io.nubis.testkit.NetStates.route;
import static io.nubis.testkit.NetStates.static4;
import static io.nubis.testkit.NetStates.static6;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.net.NetInterface;

class IfrouteLinesTest {
    private final NetInterface eth0 = physical("eth0").subnets(
            static4("192.0.2.5", 24, "192.0.2.1",
                    route("0.0.0.0", 0, "192.0.2.254", 100, null),
                    route("198.51.100.0", 24, "192.0.2.2", null, 7),
                    route("203.0.113.0", 25, null, 5, null),
                    route("2001:db8:5::", 48, "2001:db8::1")),
            static6("2001:db8::5", 64, "2001:db8::1"),
            dynamic("dhcp4")).build();

    @Test
    void ipv4DefaultsRoutesMetricsTablesAndOnLinkRoutes() {
        assertEquals(List.of("default 192.0.2.1 - eth0\n",
                "default 192.0.2.254 - eth0 metric 100\n",
                "198.51.100.0/24 192.0.2.2 - eth0 table 7\n",
                "203.0.113.0/25 - - eth0 metric 5\n"), IfrouteLines.of(eth0, false));
    }

    @Test
    void ipv6RoutesGoApart() {
        assertEquals(List.of("2001:db8:5::/48 2001:db8::1 - eth0\n", "default 2001:db8::1 - eth0\n"),
                IfrouteLines.of(eth0, true));
    }

    @Test
    void dhcpAloneHasNoRoutes() {
        assertEquals(List.of(), IfrouteLines.of(physical("eth1").subnets(dynamic("dhcp")).build(), false));
    }
}
