package io.nubis.runtime.internal.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback network config, as the reference's {@code generate_fallback_config}: DHCPv4 on the
 * NIC most likely connected, matched by its MAC address and kept at its name. Candidates skip lo,
 * devices without a MAC, veth, bridges, bonds and VLANs; those with carrier come first, then
 * those that are dormant or down; {@code eth0} leads each group, the rest in natural order.
 * Unlike the reference (which does not look), devices with hardware behind them come before
 * virtual ones (dummy, macvlan) in each group.
 */
public final class FallbackNetwork {
    private static final Logger LOG = LoggerFactory.getLogger("net");
    static final String PRIMARY = "eth0";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private FallbackNetwork() {
    }

    /** The candidate NICs, best first. */
    public static List<String> candidates(SysNet sys) {
        List<String> connected = new ArrayList<>();
        List<String> possible = new ArrayList<>();
        for (String dev : sys.devices()) {
            if (dev.equals("lo")) {
                continue;
            }
            if (sys.mac(dev).isEmpty()) {
                LOG.debug("Ignoring interface without mac: {}", dev);
            } else if (dev.startsWith("veth")) {
                LOG.debug("Ignoring veth interface: {}", dev);
            } else if (sys.isBridge(dev)) {
                LOG.debug("Ignoring bridge interface: {}", dev);
            } else if (sys.isBond(dev)) {
                LOG.debug("Ignoring bond interface: {}", dev);
            } else if (sys.isVlan(dev)) {
                LOG.debug("Ignoring vlan interface: {}", dev);
            } else if (sys.flag(dev, "carrier")) {
                connected.add(dev);
            } else if (sys.flag(dev, "dormant") || sys.attr(dev, "operstate")
                    .filter(s -> List.of("dormant", "down", "lowerlayerdown", "unknown").contains(s)).isPresent()) {
                LOG.debug("Interface has no carrier: {}", dev);
                possible.add(dev);
            } else {
                LOG.debug("Interface ignored: {}", dev);
            }
        }
        List<String> out = new ArrayList<>();
        for (List<String> group : List.of(connected, possible)) {
            List<String> g = new ArrayList<>(group);
            g.sort(Comparator.comparing((String d) -> sys.isVirtual(d)).thenComparing(FallbackNetwork::naturalKey));
            if (g.remove(PRIMARY)) {
                g.add(0, PRIMARY);
            }
            out.addAll(g);
        }
        return out;
    }

    /** The fallback config (version 2), or empty if no NIC qualifies. */
    public static Optional<Map<String, Object>> generate(SysNet sys) {
        List<String> c = candidates(sys);
        if (c.isEmpty()) {
            LOG.debug("Did not find a fallback interface on {} devices", sys.devices().size());
            return Optional.empty();
        }
        String name = c.get(0);
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("macaddress", sys.mac(name).orElseThrow());
        Map<String, Object> eth = new LinkedHashMap<>();
        eth.put("dhcp4", true);
        eth.put("set-name", name);
        eth.put("match", match);
        Map<String, Object> ethernets = new LinkedHashMap<>();
        ethernets.put(name, eth);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("ethernets", ethernets);
        cfg.put("version", 2);
        return Optional.of(cfg);
    }

    /** Natural order ({@code ens3} before {@code ens10}): digit runs compare as numbers. */
    static String naturalKey(String s) {
        Matcher m = DIGITS.matcher(s);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            b.append(s, last, m.start());
            String digits = m.group().replaceFirst("^0+(?=.)", "");
            b.append((char) ('0' + Math.min(digits.length(), 40))).append(digits);
            last = m.end();
        }
        return b.append(s.substring(last)).toString();
    }
}
