package io.nubis.netconfig.internal;

/**
 * An address with its prefix, normalised as the reference does: the prefix comes from
 * {@code address/prefix} (or {@code address/netmask} for IPv4), else from {@code prefix}, else from
 * {@code netmask}, else 24 for IPv4 and 64 for IPv6; IPv4 gets the netmask of the prefix, IPv6 none.
 *
 * @param address the address as written, without its prefix
 * @param prefix  the prefix length
 * @param netmask the IPv4 netmask of the prefix, or null for IPv6
 */
record Cidr(String address, int prefix, String netmask) {

    boolean isIpv6() {
        return netmask == null;
    }

    /**
     * Reads {@code text} (at {@code path}) with the optional separate {@code prefix} and
     * {@code netmask} values; records a problem and returns null if any part is not valid.
     *
     * @param requirePrefix if true, text without {@code /prefix} is a problem (version 2 addresses)
     */
    static Cidr parse(Values values, String text, String path, Object prefix, String prefixPath, String netmask,
            String netmaskPath, boolean requirePrefix) {
        Problems problems = values.problems();
        String host = text;
        String after = null;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            host = text.substring(0, slash);
            after = text.substring(slash + 1);
        }
        boolean v4 = IpText.isIpv4(host);
        boolean v6 = !v4 && IpText.isIpv6(host);
        if (!v4 && !v6) {
            problems.add(path, "'" + text + "' is not an IPv4 or IPv6 address");
            return null;
        }
        int max = v4 ? 32 : 128;
        int bits;
        if (after != null) {
            bits = IpText.prefixDigits(after, max);
            if (bits < 0 && v4) {
                bits = IpText.ipv4MaskPrefix(after);
            }
            if (bits < 0) {
                problems.add(path, "'" + after + "' is not a valid " + (v4 ? "IPv4 prefix length (0-32) or netmask"
                        : "IPv6 prefix length (0-128)"));
                return null;
            }
        } else if (requirePrefix) {
            problems.add(path, "'" + text + "' needs a prefix length (" + text + "/" + (v4 ? "24" : "64") + ")");
            return null;
        } else if (prefix != null && !"".equals(prefix)) {
            Integer p = values.integer(prefix, prefixPath, 0, max);
            if (p == null) {
                return null;
            }
            bits = p;
        } else if (netmask != null && !netmask.isEmpty()) {
            bits = IpText.prefixDigits(netmask, max);
            if (bits < 0) {
                bits = v4 ? IpText.ipv4MaskPrefix(netmask) : IpText.ipv6MaskPrefix(netmask);
            }
            if (bits < 0) {
                problems.add(netmaskPath, "'" + netmask + "' is not a valid " + (v4 ? "IPv4" : "IPv6") + " netmask");
                return null;
            }
        } else {
            bits = v4 ? 24 : 64;
        }
        return new Cidr(host, bits, v4 ? IpText.ipv4Mask(bits) : null);
    }
}
