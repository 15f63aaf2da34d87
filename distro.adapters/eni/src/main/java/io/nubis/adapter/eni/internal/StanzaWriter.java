package io.nubis.adapter.eni.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nubis.api.net.support.Netmasks;
import io.nubis.api.net.support.PyStr;
import io.nubis.api.net.Dns;
import io.nubis.api.net.Route;
import io.nubis.api.net.Subnet;

/**
 * Writes the stanzas of one interface, as the reference does: one {@code iface} stanza per subnet
 * (the same interface name each time; only the first is {@code auto}, later ones are marked
 * {@code # control-alias}), the subnet's options sorted, then on the first stanza only the
 * interface's options sorted, then the subnet's routes. An interface without subnets gets one
 * {@code inet manual} stanza, {@code auto} only if it is a bond or a bond slave.
 */
final class StanzaWriter {
    /** Options the reference writes once per value. */
    private static final Set<String> MULTILINE = Set.of("bridge_pathcost", "bridge_portprio", "bridge_waitport");
    /** Subnet keys written as options, besides the address, gateway and DNS the model names. */
    private static final List<String> SUBNET_KEYS = List.of("broadcast", "metric", "pointopoint", "mtu", "scope");

    private final Dialect dialect;

    StanzaWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * The stanzas of an interface.
     *
     * @param name       the interface's name
     * @param acceptRa   whether it accepts router advertisements, or null for the default
     * @param subnets    its subnets, in order
     * @param attributes its options from {@link InterfaceAttributes}
     * @param ownDns     name servers given for the interface itself (version 1 {@code nameserver}
     *                   entries with an {@code interface}), added to the first stanza
     */
    List<List<String>> stanzas(String name, Boolean acceptRa, List<Subnet> subnets, Map<String, Object> attributes,
            Dns ownDns) {
        List<List<String>> out = new ArrayList<>();
        if (subnets.isEmpty()) {
            List<String> lines = new ArrayList<>();
            if (InterfaceAttributes.inBond(attributes)) {
                lines.add("auto " + name);
            }
            lines.add("iface " + name + " inet manual");
            Map<String, Object> a = new LinkedHashMap<>(attributes);
            a.put("dns-nameservers", ownDns.nameservers());
            a.put("dns-search", ownDns.search());
            lines.addAll(attributeLines(a, null));
            if (dialect == Dialect.BUSYBOX) {
                lines.addAll(BusyboxStanzas.mtuCommand(lines, "manual", name));
            }
            out.add(finish(lines));
            return out;
        }
        List<String> written = new ArrayList<>();
        for (int index = 0; index < subnets.size(); index++) {
            Subnet subnet = subnets.get(index);
            boolean ipv6 = subnet.isIpv6();
            Map<String, Object> methodOptions = new LinkedHashMap<>();
            String method = method(subnet, acceptRa, methodOptions);
            boolean emulated = dialect == Dialect.BUSYBOX && ipv6 && (method.equals("dhcp") || method.equals("auto"));
            List<String> lines = new ArrayList<>();
            lines.add(controlLine(subnet.control(), name, written));
            lines.add("iface " + name + " " + (ipv6 ? "inet6" : "inet") + " " + (emulated ? "manual" : method));
            lines.addAll(subnetLines(subnet, ipv6, index == 0 ? ownDns : Dns.NONE));
            if (index == 0) {
                Map<String, Object> a = new LinkedHashMap<>(attributes);
                a.putAll(methodOptions);
                lines.addAll(attributeLines(a, ipv6 ? null : subnet.raw().get("mtu")));
            }
            if (dialect == Dialect.BUSYBOX) {
                lines.addAll(BusyboxStanzas.mtuCommand(lines, emulated ? "manual" : method, name));
            }
            if (emulated) {
                lines.addAll(BusyboxStanzas.dynamicIpv6(subnet.type(), name));
            }
            for (Route r : subnet.routes()) {
                lines.addAll(dialect == Dialect.BUSYBOX ? RouteLines.ip(r, "    ", name) : RouteLines.of(r, "    "));
            }
            written.addAll(lines);
            out.add(finish(lines));
        }
        return out;
    }

    /**
     * The {@code iface} method of a subnet type, with the options the reference adds for it
     * ({@code accept_ra} for DHCP and static IPv6, {@code dhcp} for SLAAC).
     */
    private static String method(Subnet subnet, Boolean acceptRa, Map<String, Object> options) {
        String type = subnet.type();
        switch (type) {
            case "dhcp4", "dhcp6", "ipv6_dhcpv6-stateful" -> {
                acceptRa(acceptRa, options);
                return "dhcp";
            }
            case "ipv6_dhcpv6-stateless" -> {
                options.put("dhcp", "1");
                return "auto";
            }
            case "ipv6_slaac" -> {
                options.put("dhcp", "0");
                return "auto";
            }
            default -> {
                if (subnet.isIpv6()) {
                    acceptRa(acceptRa, options);
                    return "static";
                }
                return type;
            }
        }
    }

    private static void acceptRa(Boolean acceptRa, Map<String, Object> options) {
        if (acceptRa != null) {
            options.put("accept_ra", acceptRa ? "1" : "0");
        }
    }

    /**
     * {@code auto NAME}, {@code allow-hotplug NAME} or a comment; only one {@code auto} line per
     * interface (old ifupdown and busybox reject a second), later stanzas are {@code control-alias}.
     * Busybox knows no {@code allow-} classes, so hotplug interfaces are {@code auto} there.
     */
    private String controlLine(String control, String name, List<String> written) {
        String c = control == null ? "auto" : control;
        if (dialect == Dialect.BUSYBOX && c.equals("hotplug")) {
            c = "auto";
        }
        String auto = "auto " + name;
        if (written.stream().anyMatch(l -> l.contains(auto))) {
            c = "alias";
        }
        return switch (c) {
            case "auto" -> auto;
            case "hotplug" -> "allow-hotplug " + name;
            default -> "# control-" + c + " " + name;
        };
    }

    private List<String> subnetLines(Subnet subnet, boolean ipv6, Dns ownDns) {
        List<String> lines = new ArrayList<>();
        if (subnet.address() != null) {
            if (dialect == Dialect.BUSYBOX) {
                // busybox builds "ip addr add %address%/%netmask%" and needs the netmask apart.
                lines.add("    address " + subnet.address());
                String mask = ipv6 ? str(subnet.prefix()) : subnet.netmask() != null ? subnet.netmask()
                        : subnet.prefix() == null ? null : Netmasks.ipv4(subnet.prefix());
                if (mask != null) {
                    lines.add("    netmask " + mask);
                }
            } else {
                lines.add("    address " + subnet.cidr());
            }
        }
        for (String key : SUBNET_KEYS) {
            Object v = subnet.raw().get(key);
            if (PyStr.truthy(v)) {
                lines.add("    " + key + " " + PyValues.text(v));
            }
        }
        if (subnet.gateway() != null && !subnet.gateway().isEmpty()) {
            lines.add("    gateway " + subnet.gateway());
        }
        List<String> nameservers = union(subnet.dns().nameservers(), ownDns.nameservers());
        List<String> search = union(subnet.dns().search(), ownDns.search());
        if (!nameservers.isEmpty()) {
            lines.add("    dns-nameservers " + String.join(" ", nameservers));
        }
        if (!search.isEmpty()) {
            lines.add("    dns-search " + String.join(" ", search));
        }
        lines.sort(null);
        return lines;
    }

    private List<String> attributeLines(Map<String, Object> attributes, Object ipv4SubnetMtu) {
        List<String> lines = new ArrayList<>();
        attributes.forEach((key, raw) -> {
            Object value = PyValues.onOff(raw);
            if (!PyStr.truthy(value)) {
                return;
            }
            if (key.equals("mtu") && PyStr.truthy(ipv4SubnetMtu)) {
                return; // the first subnet's own IPv4 MTU wins
            }
            if (key.equals("hwaddress") && dialect == Dialect.BUSYBOX) {
                // busybox drops the first word of hwaddress when it calls ip: it must be the class.
                lines.add("    hwaddress ether " + PyValues.text(value));
            } else if (MULTILINE.contains(key)) {
                for (String v : PyValues.each(value)) {
                    lines.add("    " + key + " " + v);
                }
            } else {
                lines.add("    " + key + " " + PyValues.text(value));
            }
        });
        lines.sort(null);
        return lines;
    }

    private List<String> finish(List<String> stanza) {
        return dialect == Dialect.BUSYBOX ? BusyboxStanzas.withoutRepeats(stanza) : stanza;
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
