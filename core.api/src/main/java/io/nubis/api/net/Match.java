package io.nubis.api.net;

/**
 * How a version 2 device definition finds its interface ({@code match:}).
 *
 * @param macAddress lower-case MAC address, or null
 * @param name       interface name or shell glob ({@code en*}), or null
 * @param driver     kernel driver name or glob, or null
 */
public record Match(String macAddress, String name, String driver) {
    /** Matches by the definition's own name only. */
    public static final Match NONE = new Match(null, null, null);

    /** True if nothing but the definition's name is matched. */
    public boolean isEmpty() {
        return macAddress == null && name == null && driver == null;
    }
}
