package io.nubis.adapter.sysconfig.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.nubis.api.net.support.Netmasks;
import io.nubis.api.net.support.PyStr;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Subnet;

/**
 * The SUSE flavour of the reference's sysconfig renderer: one set of {@code ifcfg} variables
 * per interface (loopback has none). Interfaces are filled in the reference's passes: every
 * interface's common keys, then physical, bond (which also marks its slaves), VLAN, bridge and
 * InfiniBand interfaces.
 * <p>
 * Where 22.4's SUSE output is not what wicked reads, this writes what it does read: a bridge's
 * MAC is {@code LLADDR} (22.4: {@code LLADDRESS}), {@code BRIDGE=yes} marks the bridge itself
 * (22.4 puts it on the ports, which makes wicked treat them as bridges), a VLAN's
 * {@code ETHERDEVICE} is its link (22.4 cuts the name at its last dot), and wake-on-LAN is
 * {@code ETHTOOL_OPTIONS} (22.4: the Red Hat key {@code ETHTOOL_OPTS}), and a list value of
 * a bond option (ARP targets) is joined with commas as the bonding driver reads it (22.4 joins
 * it with spaces, which splits it into bogus options).
 */
final class SuseIfcfg {
    /** Bond parameters in the reference's order, with their kernel module option names. */
    private static final List<String[]> BOND_OPTS = List.of(
            new String[] {"bond_mode", "mode"},
            new String[] {"bond_xmit_hash_policy", "xmit_hash_policy"},
            new String[] {"bond_miimon", "miimon"},
            new String[] {"bond_min_links", "min_links"},
            new String[] {"bond_arp_interval", "arp_interval"},
            new String[] {"bond_arp_ip_target", "arp_ip_target"},
            new String[] {"bond_arp_validate", "arp_validate"},
            new String[] {"bond_ad_select", "ad_select"},
            new String[] {"bond_num_grat_arp", "num_grat_arp"},
            new String[] {"bond_downdelay", "downdelay"},
            new String[] {"bond_updelay", "updelay"},
            new String[] {"bond_lacp_rate", "lacp_rate"},
            new String[] {"bond_fail_over_mac", "fail_over_mac"},
            new String[] {"bond_primary", "primary"},
            new String[] {"bond_primary_reselect", "primary_reselect"});

    /** Bridge parameters and their SUSE names. */
    private static final List<String[]> BRIDGE_KEYS = List.of(
            new String[] {"bridge_stp", "BRIDGE_STP"},
            new String[] {"bridge_ageing", "BRIDGE_AGEINGTIME"},
            new String[] {"bridge_bridgeprio", "BRIDGE_PRIORITY"});

    private SuseIfcfg() {
    }

    /** The variables of every interface that gets an ifcfg file, in the state's order. */
    static Map<String, ShellVars> of(NetworkState state) {
        Map<String, ShellVars> cfgs = new LinkedHashMap<>();
        for (NetInterface iface : state.interfaces()) {
            if (iface.type() != InterfaceType.LOOPBACK) {
                cfgs.put(iface.name(), common(iface));
            }
        }
        for (NetInterface iface : state.ofType(InterfaceType.PHYSICAL)) {
            subnets(cfgs.get(iface.name()), iface.subnets());
        }
        for (NetInterface bond : state.ofType(InterfaceType.BOND)) {
            bond(state, bond, cfgs);
        }
        for (NetInterface vlan : state.ofType(InterfaceType.VLAN)) {
            ShellVars cfg = cfgs.get(vlan.name());
            if (vlan.vlanId() != null && vlan.vlanId() != 0) {
                cfg.put("VLAN_ID", vlan.vlanId());
            }
            cfg.put("ETHERDEVICE", vlan.link() != null ? vlan.link() : beforeLastDot(vlan.name()));
            subnets(cfg, vlan.subnets());
        }
        for (NetInterface bridge : state.ofType(InterfaceType.BRIDGE)) {
            bridge(bridge, cfgs.get(bridge.name()));
        }
        for (NetInterface ib : state.ofType(InterfaceType.INFINIBAND)) {
            ShellVars cfg = cfgs.get(ib.name());
            cfg.put("TYPE", "InfiniBand");
            subnets(cfg, ib.subnets());
        }
        return cfgs;
    }

    private static ShellVars common(NetInterface iface) {
        ShellVars cfg = new ShellVars();
        cfg.put("BOOTPROTO", "static");
        cfg.put("STARTMODE", "auto");
        boolean physical = iface.type() == InterfaceType.PHYSICAL || iface.type() == InterfaceType.INFINIBAND;
        if (iface.macAddress() != null && physical) {
            cfg.put("LLADDR", iface.macAddress());
        }
        if (iface.mtu() != null) {
            cfg.put("MTU", iface.mtu());
        }
        if (iface.wakeOnLan() && iface.type() == InterfaceType.PHYSICAL) {
            cfg.put("ETHTOOL_OPTIONS", "wol g");
        }
        return cfg;
    }

    private static void bond(NetworkState state, NetInterface bond, Map<String, ShellVars> cfgs) {
        ShellVars cfg = cfgs.get(bond.name());
        List<String> opts = new ArrayList<>();
        for (String[] opt : BOND_OPTS) {
            Object value = param(bond.params(), opt[0]);
            if (value != null) {
                String text = value instanceof List<?> l
                        ? l.stream().map(PyStr::of).collect(Collectors.joining(","))
                        : PyStr.of(value);
                opts.add(opt[1] + "=" + text);
            }
        }
        if (!opts.isEmpty()) {
            cfg.put("BONDING_MODULE_OPTS", String.join(" ", opts));
        }
        cfg.put("BONDING_MASTER", true);
        if (bond.macAddress() != null) {
            cfg.put("LLADDR", bond.macAddress());
        }
        subnets(cfg, bond.subnets());
        List<String> slaves = bond.members().stream().sorted().toList();
        for (int i = 0; i < slaves.size(); i++) {
            cfg.put("BONDING_SLAVE_" + i, slaves.get(i));
            ShellVars slave = cfgs.get(slaves.get(i));
            if (slave != null) {
                slave.put("BOOTPROTO", "none");
                slave.put("STARTMODE", "hotplug");
            }
        }
    }

    private static void bridge(NetInterface bridge, ShellVars cfg) {
        for (String[] key : BRIDGE_KEYS) {
            if (bridge.params().containsKey(key[0])) {
                cfg.put(key[1], bridge.params().get(key[0]));
            }
        }
        if (cfg.has("BRIDGE_STP")) {
            cfg.put("BRIDGE_STP", stp(cfg.get("BRIDGE_STP")) ? "on" : "off");
        }
        if (bridge.macAddress() != null) {
            cfg.put("LLADDR", bridge.macAddress());
        }
        if (!bridge.members().isEmpty()) {
            cfg.put("BRIDGE_PORTS", String.join(" ", bridge.members()));
        }
        subnets(cfg, bridge.subnets());
        cfg.put("BRIDGE", true);
    }

    /** How it gets addresses: BOOTPROTO, DHCLIENT6_MODE, STARTMODE, MTU, then the static addresses. */
    private static void subnets(ShellVars cfg, List<Subnet> subnets) {
        cfg.put("BOOTPROTO", "static");
        for (Subnet subnet : subnets) {
            switch (subnet.type()) {
                case "dhcp6", "ipv6_dhcpv6-stateful" -> dhcp6(cfg, "managed");
                case "ipv6_dhcpv6-stateless", "ipv6_slaac" -> dhcp6(cfg, "info");
                case "dhcp", "dhcp4" -> {
                    Object before = cfg.get("BOOTPROTO");
                    cfg.put("BOOTPROTO", subnet.type().equals("dhcp4") && !"dhcp6".equals(before) ? "dhcp4" : "dhcp");
                }
                case "static", "static6" -> {
                    Object mtu = subnet.raw().get("mtu");
                    if (PyStr.truthy(mtu) && !subnet.isIpv6()) {
                        cfg.put("MTU", mtu);
                    }
                }
                case "manual" -> {
                    // nothing to say for SUSE
                }
                default -> throw new IllegalArgumentException(
                        "unknown subnet type '" + subnet.type() + "'");
            }
            if ("manual".equals(subnet.control())) {
                cfg.put("STARTMODE", "manual");
            }
        }
        int v4 = -1;
        int v6 = -1;
        for (Subnet subnet : subnets) {
            if (!subnet.isStatic() || subnet.address() == null) {
                continue;
            }
            if (subnet.isIpv6()) {
                v6++;
                cfg.put(v6 == 0 ? "IPADDR6" : "IPADDR6_" + v6, subnet.address() + "/" + subnet.prefix());
            } else {
                v4++;
                String suffix = v4 == 0 ? "" : Integer.toString(v4);
                cfg.put("IPADDR" + suffix, subnet.address());
                cfg.put("NETMASK" + suffix, Netmasks.ipv4(subnet.prefix() == null ? 24 : subnet.prefix()));
            }
        }
    }

    private static void dhcp6(ShellVars cfg, String mode) {
        cfg.put("BOOTPROTO", "dhcp4".equals(cfg.get("BOOTPROTO")) ? "dhcp" : "dhcp6");
        cfg.put("DHCLIENT6_MODE", mode);
    }

    /** A bond parameter under either of its spellings ({@code bond_mode}, {@code bond-mode}). */
    private static Object param(Map<String, Object> params, String underscored) {
        Object v = params.get(underscored);
        return v != null ? v : params.get(underscored.replace('_', '-'));
    }

    private static boolean stp(Object value) {
        if (value instanceof String s) {
            return switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "off", "0", "no", "false", "" -> false;
                default -> true;
            };
        }
        return PyStr.truthy(value);
    }

    private static String beforeLastDot(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
