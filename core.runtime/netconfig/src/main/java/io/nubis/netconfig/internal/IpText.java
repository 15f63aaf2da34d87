package io.nubis.netconfig.internal;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Address text, parsed by hand: IPv4 and IPv6 addresses, netmasks and prefixes, MAC addresses.
 * Nothing here resolves names; text that is not an address is simply not one.
 */
final class IpText {
    private IpText() {
    }

    /** True for dotted-quad IPv4 text: four decimal octets, no leading zeros. */
    static boolean isIpv4(String s) {
        return ipv4(s) != null;
    }

    /** True for IPv6 text (RFC 4291 forms, with an optional trailing dotted quad); no zone index. */
    static boolean isIpv6(String s) {
        return ipv6(s) != null;
    }

    /** True for IPv6 text, allowing a zone index ({@code fe80::1%eth0}) as a gateway or name server may have. */
    static boolean isIpv6WithZone(String s) {
        if (s == null) {
            return false;
        }
        int pct = s.indexOf('%');
        if (pct < 0) {
            return isIpv6(s);
        }
        String zone = s.substring(pct + 1);
        return !zone.isEmpty() && zone.indexOf('%') < 0 && zone.indexOf('/') < 0 && isIpv6(s.substring(0, pct));
    }

    /** True for IPv4 or IPv6 text (a zone index allowed on IPv6). */
    static boolean isIp(String s) {
        return isIpv4(s) || isIpv6WithZone(s);
    }

    /** The four octets, or null. */
    static int[] ipv4(String s) {
        if (s == null) {
            return null;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** The eight 16-bit groups, or null. */
    static int[] ipv6(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        int[] left;
        int[] right;
        if (dbl >= 0) {
            left = groups(s.substring(0, dbl), false);
            right = groups(s.substring(dbl + 2), true);
            if (left == null || right == null || left.length + right.length > 7) {
                return null;
            }
        } else {
            left = groups(s, true);
            right = new int[0];
            if (left == null || left.length != 8) {
                return null;
            }
        }
        int[] out = new int[8];
        System.arraycopy(left, 0, out, 0, left.length);
        System.arraycopy(right, 0, out, 8 - right.length, right.length);
        return out;
    }

    /** Colon-separated hex groups ("" gives none); the last may be a dotted quad when {@code tail}. */
    private static int[] groups(String s, boolean tail) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] v4 = null;
        int n = parts.length;
        if (tail && parts[n - 1].indexOf('.') >= 0) {
            v4 = ipv4(parts[n - 1]);
            if (v4 == null) {
                return null;
            }
            n--;
        }
        int[] out = new int[n + (v4 == null ? 0 : 2)];
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (!hex(c)) {
                    return null;
                }
                v = v * 16 + Character.digit(c, 16);
            }
            out[i] = v;
        }
        if (v4 != null) {
            out[n] = v4[0] << 8 | v4[1];
            out[n + 1] = v4[2] << 8 | v4[3];
        }
        return out;
    }

    /** The prefix length of a contiguous IPv4 netmask ({@code 255.255.255.0}), or -1. */
    static int ipv4MaskPrefix(String mask) {
        int[] o = ipv4(mask);
        if (o == null) {
            return -1;
        }
        long bits = (long) o[0] << 24 | o[1] << 16 | o[2] << 8 | o[3];
        return contiguous(BigInteger.valueOf(bits), 32);
    }

    /** The prefix length of a contiguous IPv6 netmask ({@code ffff:ffff::}), or -1. */
    static int ipv6MaskPrefix(String mask) {
        int[] g = ipv6(mask);
        if (g == null) {
            return -1;
        }
        BigInteger bits = BigInteger.ZERO;
        for (int x : g) {
            bits = bits.shiftLeft(16).or(BigInteger.valueOf(x));
        }
        return contiguous(bits, 128);
    }

    private static int contiguous(BigInteger bits, int width) {
        int ones = 0;
        while (ones < width && bits.testBit(width - 1 - ones)) {
            ones++;
        }
        for (int i = ones; i < width; i++) {
            if (bits.testBit(width - 1 - i)) {
                return -1;
            }
        }
        return ones;
    }

    /** The dotted IPv4 netmask of a prefix length 0..32. */
    static String ipv4Mask(int prefix) {
        long bits = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
    }

    /** A prefix written as plain decimal digits, or -1 (also for values above {@code max}). */
    static int prefixDigits(String s, int max) {
        if (s == null || s.isEmpty() || s.length() > 3) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        int v = Integer.parseInt(s);
        return v <= max ? v : -1;
    }

    /**
     * A MAC address in lower case: six (Ethernet) or twenty (InfiniBand) octets of two hex digits
     * separated by colons, or the 6-octet forms with dashes; null if it is none of these.
     */
    static String mac(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.length() == 17 && t.charAt(2) == '-') {
            t = t.replace('-', ':');
        }
        String[] parts = t.split(":", -1);
        if (parts.length != 6 && parts.length != 20) {
            return null;
        }
        for (String p : parts) {
            if (p.length() != 2 || !hex(p.charAt(0)) || !hex(p.charAt(1))) {
                return null;
            }
        }
        return t;
    }

    /**
     * The MAC address YAML 1.1 turns into a number: {@code 52:54:00:12:34:56} is read as the
     * base-60 integer 52*60^5 + 54*60^4 + ... when every group is decimal and below 60. Gives the
     * six groups back, or null if the number cannot be such a MAC. A 32-bit {@link Integer} never
     * is one: such a MAC is at least 10*60^5, and parsers that overflow (SnakeYAML) lose it.
     */
    static String macFromSexagesimal(Object n) {
        if (!(n instanceof Long || n instanceof BigInteger)) {
            return null;
        }
        BigInteger v = new BigInteger(n.toString());
        if (v.signum() < 0) {
            return null;
        }
        BigInteger sixty = BigInteger.valueOf(60);
        String[] groups = new String[6];
        for (int i = 5; i >= 1; i--) {
            BigInteger[] qr = v.divideAndRemainder(sixty);
            groups[i] = String.format(Locale.ROOT, "%02d", qr[1].intValue());
            v = qr[0];
        }
        if (v.compareTo(BigInteger.valueOf(99)) > 0 || v.signum() == 0) {
            return null;
        }
        groups[0] = String.format(Locale.ROOT, "%02d", v.intValue());
        return String.join(":", groups);
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
