package io.nubis.adapter.eni.internal;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/**
 * The udev rules that give each physical interface with a known MAC address its name
 * ({@code 70-persistent-net.rules}), one line per interface in the state's order; empty if
 * there is none, as the reference writes it.
 */
final class PersistentNetRules {
    private PersistentNetRules() {
    }

    static String of(NetworkState state) {
        StringBuilder out = new StringBuilder();
        for (NetInterface i : state.interfaces()) {
            if (i.type() == InterfaceType.PHYSICAL && i.macAddress() != null && !i.macAddress().isEmpty()) {
                out.append(rule(i.name(), i.macAddress(), driver(i))).append('\n');
            }
        }
        return out.toString();
    }

    /** One rule: match an added network device by driver and address, and name it. */
    static String rule(String name, String mac, String driver) {
        return "SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"" + (driver == null || driver.isEmpty() ? "?*" : driver)
                + "\", ATTR{address}==\"" + mac + "\", NAME=\"" + name + "\"";
    }

    private static String driver(NetInterface i) {
        if (i.match().driver() != null) {
            return i.match().driver();
        }
        Object d = i.params().get("driver");
        return d instanceof String s ? s : null;
    }
}
