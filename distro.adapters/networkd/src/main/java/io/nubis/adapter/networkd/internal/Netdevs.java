package io.nubis.adapter.networkd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;

/**
 * The {@code .netdev} file that creates a bond, bridge or VLAN, which the reference does not
 * write (so its bonds, bridges and VLANs are never created): {@code [NetDev]} name, kind, MAC
 * address and MTU, then {@code [Bond]}, {@code [Bridge]} or {@code [VLAN]} from the version 1
 * parameters. Times given as bare numbers are milliseconds for bonds (as in ifenslave and
 * netplan) and seconds for bridges (as in bridge-utils). {@code bond-primary} becomes
 * {@code PrimarySlave=} in the member's {@code .network}, bridge path costs and port priorities
 * the member's {@code [Bridge]} settings.
 */
final class Netdevs {
    /** Bond parameter (without {@code bond-}) to its {@code [Bond]} key, in the order written. */
    private static final List<String[]> BOND = List.of(
            new String[] {"mode", "Mode"},
            new String[] {"xmit-hash-policy", "TransmitHashPolicy"},
            new String[] {"lacp-rate", "LACPTransmitRate"},
            new String[] {"ad-select", "AdSelect"},
            new String[] {"miimon", "MIIMonitorSec"},
            new String[] {"updelay", "UpDelaySec"},
            new String[] {"downdelay", "DownDelaySec"},
            new String[] {"arp-interval", "ARPIntervalSec"},
            new String[] {"arp-ip-target", "ARPIPTargets"},
            new String[] {"arp-validate", "ARPValidate"},
            new String[] {"arp-all-targets", "ARPAllTargets"},
            new String[] {"fail-over-mac", "FailOverMACPolicy"},
            new String[] {"primary-reselect", "PrimaryReselectPolicy"},
            new String[] {"num-grat-arp", "GratuitousARP"},
            new String[] {"num-unsol-na", "GratuitousARP"},
            new String[] {"all-slaves-active", "AllSlavesActive"},
            new String[] {"resend-igmp", "ResendIGMP"},
            new String[] {"packets-per-slave", "PacketsPerSlave"},
            new String[] {"lp-interval", "LearnPacketIntervalSec"},
            new String[] {"min-links", "MinLinks"});

    /** Bridge parameter (without {@code bridge_}) to its {@code [Bridge]} key, in the order written. */
    private static final List<String[]> BRIDGE = List.of(
            new String[] {"stp", "STP"},
            new String[] {"bridgeprio", "Priority"},
            new String[] {"fd", "ForwardDelaySec"},
            new String[] {"hello", "HelloTimeSec"},
            new String[] {"maxage", "MaxAgeSec"},
            new String[] {"ageing", "AgeingTimeSec"});

    private static final List<String> BOND_MODES = List.of("balance-rr", "active-backup", "balance-xor",
            "broadcast", "802.3ad", "balance-tlb", "balance-alb");
    private static final Map<String, List<String>> BOND_NUMERIC = Map.of(
            "lacp-rate", List.of("slow", "fast"),
            "ad-select", List.of("stable", "bandwidth", "count"),
            "fail-over-mac", List.of("none", "active", "follow"),
            "arp-validate", List.of("none", "active", "backup", "all", "filter", "filter_active", "filter_backup"),
            "primary-reselect", List.of("always", "better", "failure"),
            "xmit-hash-policy", List.of("layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4"),
            "arp-all-targets", List.of("any", "all"));

    /** Bond times in milliseconds when given as bare numbers. */
    private static final List<String> MILLISECONDS = List.of("miimon", "updelay", "downdelay", "arp-interval");

    private Netdevs() {
    }

    /** The netdev of a bond, bridge or VLAN; null for other kinds. */
    static UnitFile of(NetInterface i) {
        String kind = switch (i.type()) {
            case BOND -> "bond";
            case BRIDGE -> "bridge";
            case VLAN -> "vlan";
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        UnitFile f = new UnitFile().put("NetDev", "Name", i.name()).put("NetDev", "Kind", kind);
        if (i.macAddress() != null) {
            f.put("NetDev", "MACAddress", i.macAddress());
        }
        if (i.mtu() != null) {
            f.put("NetDev", "MTUBytes", i.mtu());
        }
        if (i.type() == InterfaceType.BOND) {
            for (String[] p : BOND) {
                Object v = param(i.params(), "bond", p[0]);
                if (v != null) {
                    f.put("Bond", p[1], bondValue(p[0], v));
                }
            }
        } else if (i.type() == InterfaceType.BRIDGE) {
            for (String[] p : BRIDGE) {
                Object v = param(i.params(), "bridge", p[0]);
                if (v != null) {
                    f.put("Bridge", p[1], p[0].equals("stp") ? PyText.yesNo(v) : text(v));
                }
            }
        } else {
            f.put("VLAN", "Id", i.vlanId());
        }
        return f;
    }

    /**
     * A parameter under any of its version 1 spellings ({@code bond-miimon}, {@code bond_miimon};
     * {@code bridge_stp}, {@code bridge-stp}), or null.
     */
    static Object param(Map<String, Object> params, String prefix, String name) {
        for (String sep : List.of("-", "_")) {
            for (String n : List.of(name, name.replace('-', '_'), name.replace('_', '-'))) {
                Object v = params.get(prefix + sep + n);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String bondValue(String name, Object v) {
        String s = text(v);
        boolean number = s.matches("[0-9]+");
        if (name.equals("mode") && number && Integer.parseInt(s) < BOND_MODES.size()) {
            return BOND_MODES.get(Integer.parseInt(s));
        }
        List<String> names = BOND_NUMERIC.get(name);
        if (names != null && number && Integer.parseInt(s) < names.size()) {
            return names.get(Integer.parseInt(s));
        }
        if (MILLISECONDS.contains(name)) {
            return number ? s + "ms" : s;
        }
        if (name.equals("all-slaves-active")) {
            return PyText.yesNo(v);
        }
        return s;
    }

    /** A value as one line: lists space-separated, commas in a list string as spaces. */
    private static String text(Object v) {
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(String.valueOf(x)));
            return String.join(" ", parts);
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(v).trim().replaceAll("\\s*,\\s*", " ");
    }

    /** The value for one port of a per-port bridge setting ({@code ["eth0 50"]} or {@code {eth0: 50}}), or null. */
    static String perPort(Object setting, String port) {
        if (setting instanceof Map<?, ?> m) {
            Object v = m.get(port);
            return v == null ? null : v.toString();
        }
        List<?> items = setting instanceof List<?> l ? l : setting == null ? List.of() : List.of(setting);
        for (Object item : items) {
            String[] parts = String.valueOf(item).trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(port)) {
                return parts[1];
            }
        }
        return null;
    }
}
