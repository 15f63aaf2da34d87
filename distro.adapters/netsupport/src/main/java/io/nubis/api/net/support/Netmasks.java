package io.nubis.api.net.support;

/** IPv4 netmasks from prefix lengths. */
public final class Netmasks {
    private Netmasks() {
    }

    /** The dotted netmask of a prefix length from 0 to 32 ({@code 24} gives {@code 255.255.255.0}). */
    public static String ipv4(int prefix) {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("IPv4 prefix out of range: " + prefix);
        }
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (mask >> 24) + "." + ((mask >> 16) & 0xff) + "." + ((mask >> 8) & 0xff) + "." + (mask & 0xff);
    }
}
