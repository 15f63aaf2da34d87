package io.nubis.cc.ntp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/** The host lists of {@code ntp} (servers, pools, peers, allow), checked so no value can add a directive. */
final class NtpHosts {
    /** Host names, IPv4/IPv6 addresses, networks in CIDR form; nothing that could break a line. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:\\[\\]%/-]{1,253}");
    static final int MAX_ENTRIES = 64;

    private NtpHosts() {
    }

    static List<String> list(Map<String, Object> ntp, String key) {
        String path = "ntp." + key;
        List<Object> raw = Values.asList(path, ntp.get(key));
        if (raw.size() > MAX_ENTRIES) {
            throw new ConfigException(path, "more than " + MAX_ENTRIES + " entries");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String h = Values.asString(path + "[" + i + "]", raw.get(i)).trim();
            if (!HOST.matcher(h).matches() || h.startsWith("-")) {
                throw new ConfigException(path + "[" + i + "]", "invalid host '" + printable(h) + "'");
            }
            if (!out.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    /** The distro's default pools: {@code N.<vendor>.pool.ntp.org}, N = 0..3 ({@code N.pool.ntp.org} without a vendor). */
    static List<String> defaultPools(String vendor) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            out.add(vendor == null || vendor.isEmpty() ? n + ".pool.ntp.org" : n + "." + vendor + ".pool.ntp.org");
        }
        return out;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
