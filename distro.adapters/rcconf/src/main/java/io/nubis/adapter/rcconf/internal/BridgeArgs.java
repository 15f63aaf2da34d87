package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.NetInterface;

/**
 * A bridge as the ifconfig(8) arguments of an if_bridge(4) interface: {@code addm} per member,
 * {@code stp} per member when {@code bridge_stp} is on, then the bridge's spanning tree settings
 * ({@code bridge_bridgeprio} priority, {@code bridge_fd} fwddelay, {@code bridge_hello}
 * hellotime, {@code bridge_maxage} maxage, {@code bridge_ageing} timeout) and the per-port ones
 * ({@code bridge_pathcost} ifpathcost, {@code bridge_portprio} ifpriority). A value outside the
 * range if_bridge accepts (Linux allows {@code bridge_fd 0}, if_bridge wants 4 to 30) is left
 * out: ifconfig would reject the whole line and the bridge would not come up.
 */
final class BridgeArgs {
    private record Setting(String param, String option, long min, long max) {
    }

    private static final List<Setting> SETTINGS = List.of(
            new Setting("bridge_bridgeprio", "priority", 0, 61440),
            new Setting("bridge_fd", "fwddelay", 4, 30),
            new Setting("bridge_hello", "hellotime", 1, 2),
            new Setting("bridge_maxage", "maxage", 6, 40),
            new Setting("bridge_ageing", "timeout", 0, Integer.MAX_VALUE));

    private BridgeArgs() {
    }

    static List<String> of(NetInterface bridge, FreeBsdNames names) {
        Map<String, Object> p = bridge.params();
        List<String> args = new ArrayList<>();
        for (String m : bridge.members()) {
            args.add("addm");
            args.add(names.of(m));
        }
        if (on(p.get("bridge_stp"))) {
            for (String m : bridge.members()) {
                args.add("stp");
                args.add(names.of(m));
            }
        }
        for (Setting s : SETTINGS) {
            Long v = number(p.get(s.param()));
            if (v != null && v >= s.min() && v <= s.max()) {
                args.add(s.option());
                args.add(v.toString());
            }
        }
        perPort(args, p.get("bridge_pathcost"), "ifpathcost", 0, 200000000, names);
        perPort(args, p.get("bridge_portprio"), "ifpriority", 0, 240, names);
        return args;
    }

    private static void perPort(List<String> args, Object value, String option, long min, long max,
            FreeBsdNames names) {
        for (Map.Entry<String, Object> e : ports(value).entrySet()) {
            Long v = number(e.getValue());
            if (v != null && v >= min && v <= max) {
                args.add(option);
                args.add(names.of(e.getKey()));
                args.add(v.toString());
            }
        }
    }

    /** {@code {eth0: 50}}, {@code ["eth0 50", ...]} or {@code "eth0 50"} as port to value. */
    private static Map<String, Object> ports(Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (value instanceof List<?> l) {
            for (Object o : l) {
                out.putAll(ports(o));
            }
        } else if (value != null) {
            String[] w = value.toString().trim().split("\\s+");
            if (w.length == 2) {
                out.put(w[0], w[1]);
            }
        }
        return out;
    }

    private static boolean on(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v == null ? "" : v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("on") || s.equals("1") || s.equals("true") || s.equals("yes");
    }

    private static Long number(Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (v != null && v.toString().trim().matches("[0-9]{1,10}")) {
            return Long.parseLong(v.toString().trim());
        }
        return null;
    }
}
