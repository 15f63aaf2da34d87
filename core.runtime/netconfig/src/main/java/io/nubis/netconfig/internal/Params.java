package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bond and bridge parameters under their version 1 names: {@code bond-mode}, {@code bond-miimon}...
 * for bonds, {@code bridge_stp}, {@code bridge_fd}... for bridges, as the reference names them.
 */
final class Params {
    /** Version 2 bond parameter to version 1 name (the reference's table, plus netplan's other keys). */
    static final Map<String, String> V2_BOND = new LinkedHashMap<>();
    /** Version 2 bridge parameter to version 1 name. */
    static final Map<String, String> V2_BRIDGE = new LinkedHashMap<>();

    static {
        V2_BOND.put("mode", "bond-mode");
        V2_BOND.put("lacp-rate", "bond-lacp-rate");
        V2_BOND.put("mii-monitor-interval", "bond-miimon");
        V2_BOND.put("min-links", "bond-min-links");
        V2_BOND.put("transmit-hash-policy", "bond-xmit-hash-policy");
        V2_BOND.put("ad-select", "bond-ad-select");
        V2_BOND.put("arp-interval", "bond-arp-interval");
        V2_BOND.put("arp-ip-targets", "bond-arp-ip-target");
        V2_BOND.put("arp-ip-target", "bond-arp-ip-target");
        V2_BOND.put("arp-validate", "bond-arp-validate");
        V2_BOND.put("up-delay", "bond-updelay");
        V2_BOND.put("down-delay", "bond-downdelay");
        V2_BOND.put("fail-over-mac-policy", "bond-fail-over-mac");
        V2_BOND.put("gratuitous-arp", "bond-num-grat-arp");
        V2_BOND.put("gratuitious-arp", "bond-num-grat-arp");
        V2_BOND.put("primary", "bond-primary");
        V2_BOND.put("primary-reselect-policy", "bond-primary-reselect");
        // netplan keys the reference's table lacks (it fails on them): the kernel's bonding option names
        V2_BOND.put("all-slaves-active", "bond-all-slaves-active");
        V2_BOND.put("all-members-active", "bond-all-slaves-active");
        V2_BOND.put("arp-all-targets", "bond-arp-all-targets");
        V2_BOND.put("packets-per-slave", "bond-packets-per-slave");
        V2_BOND.put("packets-per-member", "bond-packets-per-slave");
        V2_BOND.put("resend-igmp", "bond-resend-igmp");
        V2_BOND.put("learn-packet-interval", "bond-lp-interval");

        V2_BRIDGE.put("ageing-time", "bridge_ageing");
        V2_BRIDGE.put("aging-time", "bridge_ageing");
        V2_BRIDGE.put("priority", "bridge_bridgeprio");
        V2_BRIDGE.put("forward-delay", "bridge_fd");
        V2_BRIDGE.put("hello-time", "bridge_hello");
        V2_BRIDGE.put("max-age", "bridge_maxage");
        V2_BRIDGE.put("path-cost", "bridge_pathcost");
        V2_BRIDGE.put("port-priority", "bridge_portprio");
        V2_BRIDGE.put("stp", "bridge_stp");
    }

    /** The values netplan allows for version 2 bond parameters that take a keyword. */
    static final Map<String, List<String>> V2_BOND_CHOICES = Map.of(
            "mode", List.of("balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb",
                    "balance-alb"),
            "lacp-rate", List.of("slow", "fast"),
            "transmit-hash-policy", List.of("layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4"),
            "ad-select", List.of("stable", "bandwidth", "count"),
            "arp-validate", List.of("none", "active", "backup", "all"),
            "arp-all-targets", List.of("any", "all"),
            "fail-over-mac-policy", List.of("none", "active", "follow"),
            "primary-reselect-policy", List.of("always", "better", "failure"));

    private Params() {
    }

    /**
     * Version 1 {@code params}: bond keys written {@code bond_mode} become {@code bond-mode}, bridge
     * keys written {@code bridge-stp} become {@code bridge_stp}, and {@code bridge_stp} becomes a boolean.
     */
    static Map<String, Object> v1(Values values, Map<String, Object> params, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String key = e.getKey();
            String p = Problems.key(path, key);
            Object v = value(values, e.getValue(), p);
            if (key.startsWith("bond_")) {
                key = "bond-" + key.substring(5).replace('_', '-');
            } else if (key.startsWith("bridge-")) {
                key = "bridge_" + key.substring(7).replace('-', '_');
            }
            if (key.equals("bridge_stp") && v != null) {
                v = stp(values, v, p);
            }
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** Version 2 bond {@code parameters}. */
    static Map<String, Object> v2Bond(Values values, Map<String, Object> params, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String p = Problems.key(path, e.getKey());
            String key = V2_BOND.get(e.getKey());
            if (key == null) {
                values.problems().add(p, "unknown bond parameter");
                continue;
            }
            Object v = value(values, e.getValue(), p);
            List<String> choices = V2_BOND_CHOICES.get(e.getKey());
            if (v != null && choices != null && !choices.contains(String.valueOf(v))) {
                values.problems().add(p, "must be one of " + String.join(", ", choices) + ", not " + Values.describe(v));
                continue;
            }
            if (v != null) {
                out.put(key, v);
            }
        }
        return out;
    }

    /**
     * Version 2 bridge {@code parameters}; {@code path-cost} and {@code port-priority}, given per
     * port as a mapping, become lists of {@code "port value"}, as version 1 writes them.
     *
     * @param portName the interface name of a port id, or null if it is not one of the bridge's ports
     */
    static Map<String, Object> v2Bridge(Values values, Map<String, Object> params, String path,
            java.util.function.UnaryOperator<String> portName) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String p = Problems.key(path, e.getKey());
            String key = V2_BRIDGE.get(e.getKey());
            if (key == null) {
                values.problems().add(p, "unknown bridge parameter");
                continue;
            }
            Object v = e.getValue();
            if (key.equals("bridge_pathcost") || key.equals("bridge_portprio")) {
                Map<String, Object> perPort = values.map(v, p);
                if (perPort == null) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                for (Map.Entry<String, Object> pe : perPort.entrySet()) {
                    String pp = Problems.key(p, pe.getKey());
                    Integer n = values.integer(pe.getValue(), pp, 0, Integer.MAX_VALUE);
                    String port = portName.apply(pe.getKey());
                    if (port == null) {
                        values.problems().add(pp, "'" + pe.getKey() + "' is not a port of this bridge");
                    } else if (n != null) {
                        lines.add(port + " " + n);
                    }
                }
                out.put(key, lines);
            } else if (key.equals("bridge_stp")) {
                Boolean b = values.bool(v, p);
                if (b != null) {
                    out.put(key, b);
                }
            } else if (v instanceof List) {
                values.wrong(p, "a scalar", v);
            } else {
                Object x = value(values, v, p);
                if (x != null) {
                    out.put(key, x);
                }
            }
        }
        return out;
    }

    /** The reference's {@code bridge_stp} reading: on/1 and off/0 besides booleans. */
    private static Boolean stp(Values values, Object v, String path) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
        switch (s) {
            case "on", "1", "true", "yes" -> {
                return Boolean.TRUE;
            }
            case "off", "0", "false", "no" -> {
                return Boolean.FALSE;
            }
            default -> {
                values.problems().add(path, "must be on or off, not " + Values.describe(v));
                return null;
            }
        }
    }

    /** A parameter value: a scalar or a list of scalars. */
    private static Object value(Values values, Object v, String path) {
        if (v instanceof Map) {
            values.wrong(path, "a scalar or a list", v);
            return null;
        }
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map || l.get(i) instanceof List) {
                    values.wrong(Problems.index(path, i), "a scalar", l.get(i));
                    return null;
                }
            }
        }
        return v;
    }
}
