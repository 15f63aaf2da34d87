package io.nubis.adapter.rcconf.internal;

/** The little IPv4 arithmetic rc.conf needs: netmasks and whether two addresses share a subnet. */
final class Ipv4 {
    private Ipv4() {
    }

    /** The dotted netmask of a prefix length ({@code 24} gives {@code 255.255.255.0}). */
    static String netmask(int prefix) {
        long bits = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return ((bits >> 24) & 255) + "." + ((bits >> 16) & 255) + "." + ((bits >> 8) & 255) + "." + (bits & 255);
    }

    /** True if {@code a} lies in the subnet of {@code b} under {@code netmask}; false if any is not dotted IPv4. */
    static boolean sameSubnet(String a, String b, String netmask) {
        long x = value(a);
        long y = value(b);
        long m = value(netmask);
        return x >= 0 && y >= 0 && m >= 0 && (x & m) == (y & m);
    }

    /** True for a dotted-quad IPv4 address. */
    static boolean is(String text) {
        return text != null && value(text) >= 0;
    }

    private static long value(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int n = Integer.parseInt(p);
            if (n > 255) {
                return -1;
            }
            v = (v << 8) | n;
        }
        return v;
    }
}
