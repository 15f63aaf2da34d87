package io.nubis.adapter.eni.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What busybox's ifupdown needs that Debian's does not. It has no {@code dhcp} or {@code auto}
 * method for {@code inet6}, so dynamic IPv6 becomes {@code inet6 manual} with commands that bring
 * the link up (SLAAC is the kernel's) and run {@code udhcpc6}; and it stops at an option given twice
 * in one stanza (other than {@code up}, {@code down} and their {@code pre-}/{@code post-} forms),
 * so repeats are kept as comments. Its {@code dhcp} and {@code manual} methods ignore {@code mtu},
 * so those stanzas set it with a command once the device is up.
 */
final class BusyboxStanzas {
    private static final Set<String> REPEATABLE = Set.of("up", "down", "pre-up", "post-up", "pre-down", "post-down");

    private BusyboxStanzas() {
    }

    /** The commands of an {@code inet6 manual} stanza standing in for a dynamic IPv6 subnet type. */
    static List<String> dynamicIpv6(String type, String name) {
        List<String> lines = new ArrayList<>();
        lines.add("    post-up ip link set dev " + name + " up");
        if (!type.equals("ipv6_slaac")) {
            String pid = "/var/run/udhcpc6." + name + ".pid";
            String stateless = type.equals("ipv6_dhcpv6-stateless") ? " -l" : "";
            lines.add("    post-up udhcpc6 -b -R" + stateless + " -p " + pid + " -i " + name);
            lines.add("    pre-down kill $(cat " + pid + ") 2>/dev/null || true");
        }
        return lines;
    }

    /**
     * The command that sets the MTU a stanza names, for the methods that ignore the {@code mtu}
     * option; none if the stanza has no MTU or its method ({@code static}) applies it.
     */
    static List<String> mtuCommand(List<String> stanza, String method, String name) {
        if (method.equals("static") || method.equals("loopback")) {
            return List.of();
        }
        for (String line : stanza) {
            if (line.startsWith("    mtu ")) {
                return List.of("    post-up ip link set dev " + name + " mtu " + line.substring(8).trim());
            }
        }
        return List.of();
    }

    /** The stanza with every repeated option after the first turned into a comment. */
    static List<String> withoutRepeats(List<String> stanza) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>(stanza.size());
        for (String line : stanza) {
            if (line.startsWith("    ") && !line.startsWith("    #")) {
                String option = line.trim().split(" ", 2)[0];
                if (!REPEATABLE.contains(option) && !seen.add(option)) {
                    out.add("    # " + line.trim() + " (busybox ifupdown takes " + option + " once)");
                    continue;
                }
            }
            out.add(line);
        }
        return out;
    }
}
