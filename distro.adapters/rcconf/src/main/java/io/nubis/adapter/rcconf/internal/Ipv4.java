package io.nubis.adapter.rcconf.internal;

/** The little IPv4 arithmetic rc.conf needs: whether text is an address, and whether two addresses share a subnet. */
final class Ipv4 {
    private Ipv4() {
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
