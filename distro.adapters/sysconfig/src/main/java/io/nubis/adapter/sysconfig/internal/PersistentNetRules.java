package io.nubis.adapter.sysconfig.internal;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/**
 * The udev rules that give each physical interface with a known MAC address its name, one
 * line per interface in the state's order, matching the driver where the config names one.
 */
final class PersistentNetRules {
    private PersistentNetRules() {
    }

    static String of(NetworkState state) {
        StringBuilder sb = new StringBuilder();
        for (NetInterface iface : state.ofType(InterfaceType.PHYSICAL)) {
            if (iface.macAddress() == null || iface.macAddress().isEmpty()) {
                continue;
            }
            String driver = driver(iface);
            sb.append("SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"").append(driver == null ? "?*" : driver)
                    .append("\", ATTR{address}==\"").append(iface.macAddress())
                    .append("\", NAME=\"").append(iface.name()).append("\"\n");
        }
        return sb.toString();
    }

    private static String driver(NetInterface iface) {
        if (iface.match().driver() != null && !iface.match().driver().isEmpty()) {
            return iface.match().driver();
        }
        return iface.params().get("driver") instanceof String s && !s.isEmpty() ? s : null;
    }
}
