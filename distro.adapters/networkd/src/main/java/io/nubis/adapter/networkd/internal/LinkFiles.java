package io.nubis.adapter.networkd.internal;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/**
 * The {@code .link} file that gives a physical interface its configured name, which the
 * reference does not write (its {@code .network} files then match a name the device may not
 * have): for version 1 an interface with a MAC address ({@code name} is the name for that MAC,
 * as the ENI renderer's udev rules make it), for version 2 a definition with {@code set-name}
 * and a {@code match}. Wake-on-LAN, which networkd sets only through {@code .link} files, is
 * added to such a file. A MAC address is matched as the permanent one, so that VLANs and bonds
 * that take the interface's address are not renamed too. udev applies {@code .link} files when
 * a device appears.
 */
final class LinkFiles {
    private LinkFiles() {
    }

    /** The link file for the interface, or null if it needs none. */
    static UnitFile of(NetworkState state, NetInterface i) {
        if (i.type() != InterfaceType.PHYSICAL) {
            return null;
        }
        UnitFile f = new UnitFile().section("Match");
        if (state.version() == 1) {
            if (i.macAddress() == null) {
                return null;
            }
            f.put("Match", "PermanentMACAddress", i.macAddress());
        } else {
            if (!i.raw().containsKey("set-name") || i.match().isEmpty()) {
                return null;
            }
            if (i.match().macAddress() != null) {
                f.put("Match", "PermanentMACAddress", i.match().macAddress());
            }
            if (i.match().driver() != null) {
                f.put("Match", "Driver", i.match().driver());
            }
            if (i.match().name() != null) {
                f.put("Match", "OriginalName", i.match().name());
            }
        }
        f.put("Link", "Name", i.name());
        if (i.wakeOnLan()) {
            f.put("Link", "WakeOnLan", "magic");
        }
        return f;
    }
}
