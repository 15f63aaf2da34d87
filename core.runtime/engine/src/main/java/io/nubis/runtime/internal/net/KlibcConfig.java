package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.target.TargetRoot;

/**
 * The network config a klibc initramfs left (Debian and Ubuntu, {@code ip=} on the kernel command
 * line): {@code /run/net-<dev>.conf} and {@code /run/net6-<dev>.conf}, shell assignments written by
 * {@code ipconfig}, as a version 1 config, as the reference's {@code KlibcNetworkConfigSource}. It
 * applies when such files exist and the command line has {@code ip=} or {@code ip6=}, or an
 * open-iscsi root left {@code /run/initramfs/open-iscsi.interface}.
 */
public final class KlibcConfig {
    static final String ISCSI_MARKER = "/run/initramfs/open-iscsi.interface";

    private KlibcConfig() {
    }

    /**
     * The version 1 config, or empty if klibc's config does not apply.
     *
     * @param cmdline the kernel command line's words
     * @param macs    device name to MAC address
     * @throws NetworkConfigException naming the file and what is wrong with it
     */
    public static Optional<Map<String, Object>> read(TargetRoot target, List<String> cmdline, Map<String, String> macs)
            throws NetworkConfigException {
        List<String> files = new ArrayList<>();
        try {
            for (String f : target.list("/run")) {
                if ((f.startsWith("net-") || f.startsWith("net6-")) && f.endsWith(".conf")) {
                    files.add("/run/" + f);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean ip = false;
        for (String w : cmdline) {
            ip |= w.startsWith("ip=") || w.startsWith("ip6=");
        }
        if (files.isEmpty() || !(ip || target.exists(ISCSI_MARKER))) {
            return Optional.empty();
        }
        List<Object> entries = new ArrayList<>();
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (String f : files) {
            Map<String, String> data;
            try {
                data = ShellAssignments.parse(target.readString(f).orElse(""));
            } catch (IOException | IllegalArgumentException e) {
                throw problem(f, e.getMessage());
            }
            Map<String, Object> entry = entry(f, data, macs);
            String name = (String) entry.get("name");
            Map<String, Object> prev = byName.get(name);
            if (prev == null) {
                byName.put(name, entry);
                entries.add(entry);
            } else if (!java.util.Objects.equals(prev.get("mac_address"), entry.get("mac_address"))) {
                throw problem(f, "device '" + name + "' was defined before with another MAC address");
            } else {
                @SuppressWarnings("unchecked")
                List<Object> subnets = (List<Object>) prev.get("subnets");
                subnets.addAll((List<?>) entry.get("subnets"));
            }
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("config", entries);
        cfg.put("version", 1);
        return Optional.of(cfg);
    }

    private static Map<String, Object> entry(String file, Map<String, String> data, Map<String, String> macs)
            throws NetworkConfigException {
        String name = data.containsKey("DEVICE") ? data.get("DEVICE") : data.get("DEVICE6");
        if (name == null) {
            throw problem(file, "no DEVICE or DEVICE6");
        }
        String proto = data.getOrDefault("PROTO", data.get("IPV6PROTO"));
        if (proto == null) {
            proto = data.containsKey("filename") ? "dhcp" : "none";
        }
        if (!List.of("none", "dhcp", "dhcp6").contains(proto)) {
            throw problem(file, "unexpected PROTO " + proto);
        }
        Map<String, Object> iface = new LinkedHashMap<>();
        iface.put("type", "physical");
        iface.put("name", name);
        List<Object> subnets = new ArrayList<>();
        iface.put("subnets", subnets);
        if (macs.containsKey(name)) {
            iface.put("mac_address", macs.get(name));
        }
        for (String pre : List.of("IPV4", "IPV6")) {
            if (!data.containsKey(pre + "ADDR")) {
                continue;
            }
            String cur = data.getOrDefault(pre + "PROTO", proto);
            if (cur.equals("none")) {
                cur = "static";
            }
            Map<String, Object> subnet = new LinkedHashMap<>();
            subnet.put("type", cur);
            subnet.put("control", "manual");
            if (cur.equals("static")) {
                subnet.put("address", data.get(pre + "ADDR"));
            }
            for (String key : List.of("NETMASK", "BROADCAST", "GATEWAY")) {
                if (data.containsKey(pre + key)) {
                    subnet.put(key.toLowerCase(java.util.Locale.ROOT), data.get(pre + key));
                }
            }
            List<String> dns = new ArrayList<>();
            for (String k : List.of("DNS0", "DNS1")) {
                String ns = data.get(pre + k);
                if (ns != null && !ns.replaceAll("[:.0]", "").isEmpty()) {
                    dns.add(ns);
                }
            }
            if (!dns.isEmpty()) {
                subnet.put("dns_nameservers", dns);
                String search = data.get("DOMAINSEARCH");
                if (search != null && !search.isBlank()) {
                    subnet.put("dns_search", List.of(search.contains(",") ? search.split(",") : search.trim().split("\\s+")));
                }
            }
            subnets.add(subnet);
        }
        return iface;
    }

    private static NetworkConfigException problem(String file, String message) {
        return new NetworkConfigException(file, List.of(new NetworkConfigException.Problem("", message)));
    }
}
