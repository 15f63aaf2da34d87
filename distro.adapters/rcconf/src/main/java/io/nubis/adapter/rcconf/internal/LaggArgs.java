package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.NetInterface;

/**
 * A bond as the ifconfig(8) arguments of a lagg(4) interface: {@code laggproto}, hash and LACP
 * options, and a {@code laggport} per member.
 * <p>
 * Modes: {@code 802.3ad} is {@code lacp}; {@code active-backup} is {@code failover} (the
 * {@code bond-primary} member is added first, which makes it lagg's master port);
 * {@code balance-rr} (Linux's default when no mode is given) is {@code roundrobin};
 * {@code balance-xor} is {@code loadbalance} (static hashing, like balance-xor needs a static
 * EtherChannel on the switch); {@code broadcast} is {@code broadcast}; {@code balance-tlb} and
 * {@code balance-alb}, which need no switch support, have no lagg protocol that balances without
 * it and become {@code failover}. {@code bond-xmit-hash-policy} becomes {@code lagghash}
 * ({@code layer2} l2, {@code layer2+3} l2,l3, {@code layer3+4} l3,l4) for lacp and loadbalance,
 * {@code bond-lacp-rate fast} becomes {@code lacp_fast_timeout}. The MII and ARP monitors have
 * no counterpart: lagg watches the ports' link state.
 */
final class LaggArgs {
    private static final Map<String, String> PROTO = Map.ofEntries(
            Map.entry("balance-rr", "roundrobin"), Map.entry("0", "roundrobin"),
            Map.entry("active-backup", "failover"), Map.entry("1", "failover"),
            Map.entry("balance-xor", "loadbalance"), Map.entry("2", "loadbalance"),
            Map.entry("broadcast", "broadcast"), Map.entry("3", "broadcast"),
            Map.entry("802.3ad", "lacp"), Map.entry("4", "lacp"),
            Map.entry("balance-tlb", "failover"), Map.entry("5", "failover"),
            Map.entry("balance-alb", "failover"), Map.entry("6", "failover"));
    private static final Map<String, String> HASH = Map.of(
            "layer2", "l2", "layer2+3", "l2,l3", "layer3+4", "l3,l4", "encap2+3", "l2,l3", "encap3+4", "l3,l4");

    private LaggArgs() {
    }

    static List<String> of(NetInterface bond, FreeBsdNames names) {
        Map<String, Object> p = bond.params();
        String proto = PROTO.getOrDefault(text(p.get("bond-mode"), "balance-rr"), "failover");
        List<String> args = new ArrayList<>(List.of("laggproto", proto));
        String hash = HASH.get(text(p.get("bond-xmit-hash-policy"), ""));
        if (hash != null && (proto.equals("lacp") || proto.equals("loadbalance"))) {
            args.add("lagghash");
            args.add(hash);
        }
        String rate = text(p.get("bond-lacp-rate"), "");
        if (proto.equals("lacp") && (rate.equals("fast") || rate.equals("1"))) {
            args.add("lacp_fast_timeout");
        }
        List<String> ports = new ArrayList<>(bond.members());
        String primary = text(p.get("bond-primary"), "");
        if (ports.remove(primary)) {
            ports.add(0, primary);
        }
        for (String port : ports) {
            args.add("laggport");
            args.add(names.of(port));
        }
        return args;
    }

    private static String text(Object value, String absent) {
        return value == null ? absent : value.toString().trim().toLowerCase(java.util.Locale.ROOT);
    }
}
