package io.nubis.api.net.support;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/**
 * The udev rules that give each physical interface with a known MAC address its name
 * ({@code 70-persistent-net.rules} for ENI, {@code 85-persistent-net-cloud-init.rules} for
 * sysconfig): one line per interface in the state's order, matching the driver where the config
 * names one; empty if there is no such interface, as the reference writes it.
 */
public final class PersistentNetRules {
    private PersistentNetRules() {
    }

    /** The rules file's text. */
    public static String of(NetworkState state) {
        StringBuilder out = new StringBuilder();
        for (NetInterface i : state.ofType(InterfaceType.PHYSICAL)) {
            if (i.macAddress() != null && !i.macAddress().isEmpty()) {
                out.append(rule(i.name(), i.macAddress(), driver(i))).append('\n');
            }
        }
        return out.toString();
    }

    /** One rule: match an added network device by driver ({@code ?*}, any, if none) and address, and name it. */
    public static String rule(String name, String mac, String driver) {
        return "SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"" + (driver == null || driver.isEmpty() ? "?*" : driver)
                + "\", ATTR{address}==\"" + mac + "\", NAME=\"" + name + "\"";
    }

    /** The version 2 {@code match: driver}, else the version 1 {@code driver} parameter; null if neither is given. */
    private static String driver(NetInterface i) {
        if (i.match().driver() != null && !i.match().driver().isEmpty()) {
            return i.match().driver();
        }
        return i.params().get("driver") instanceof String s && !s.isEmpty() ? s : null;
    }
}
