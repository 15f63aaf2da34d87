package io.nubis.netconfig.internal;

import java.util.Map;
import java.util.Set;

import io.nubis.api.net.Route;

/** Reads version 1 routes: subnet {@code routes} items and top-level {@code route} entries. */
final class RouteReader {
    static final Set<String> KEYS = Set.of("destination", "network", "netmask", "prefix", "gateway", "metric", "table");
    static final Set<String> ENTRY_KEYS = Set.of("type", "id", "destination", "network", "netmask", "prefix",
            "gateway", "metric", "table");

    private final Values values;

    RouteReader(Values values) {
        this.values = values;
    }

    /** The route at {@code path}, or null (problems recorded). */
    Route read(Map<String, Object> m, String path, boolean entry) {
        values.onlyKeys(m, path, entry ? ENTRY_KEYS : KEYS);
        int before = values.problems().size();
        String key = m.get("destination") != null && !"".equals(m.get("destination")) ? "destination" : "network";
        String dest = values.string(m.get(key), Problems.key(path, key));
        String netmask = values.string(m.get("netmask"), Problems.key(path, "netmask"));
        String gateway = values.string(m.get("gateway"), Problems.key(path, "gateway"));
        Integer metric = values.integer(m.get("metric"), Problems.key(path, "metric"), 0, Integer.MAX_VALUE);
        Integer table = values.integer(m.get("table"), Problems.key(path, "table"), 0, Integer.MAX_VALUE);
        Cidr cidr = null;
        if (dest == null || dest.isEmpty()) {
            if (values.problems().size() == before) {
                values.problems().add(path, "a route needs 'network' or 'destination'");
            }
        } else {
            cidr = Cidr.parse(values, dest, Problems.key(path, key), m.get("prefix"), Problems.key(path, "prefix"),
                    netmask, Problems.key(path, "netmask"), false);
        }
        if (gateway != null && gateway.isEmpty()) {
            gateway = null;
        }
        if (gateway != null && !IpText.isIp(gateway)) {
            values.problems().add(Problems.key(path, "gateway"), "'" + gateway + "' is not an IPv4 or IPv6 address");
        }
        if (cidr == null || values.problems().size() != before) {
            return null;
        }
        return new Route(cidr.address(), cidr.prefix(), cidr.netmask(), gateway, metric, table, m);
    }
}
