package io.nubis.adapter.eni.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/**
 * The options an interface's first stanza carries besides its address: bond, bridge and VLAN
 * parameters under their ENI names, {@code bond-master} on bond slaves (with the bond's
 * parameters, as ifenslave wants them on every slave), {@code bond-slaves none} on the bond,
 * {@code bridge_ports}, {@code vlan-raw-device} and {@code vlan_id}, {@code mtu},
 * {@code hwaddress} for virtual devices and InfiniBand, and {@code ethernet-wol g} for wake-on-LAN.
 * Keys are the reference's; values are as in the model, formatted when written.
 */
final class InterfaceAttributes {
    /** Keys the reference never writes as options. */
    private static final List<String> IGNORED = List.of("control", "device_id", "driver", "index", "inet", "mode",
            "name", "subnets", "type", "mac_address", "accept-ra", "wakeonlan", "dns", "address", "gateway");

    private InterfaceAttributes() {
    }

    static Map<String, Object> of(NetInterface i, NetworkState state) {
        Map<String, Object> a = new LinkedHashMap<>(i.params());
        Optional<NetInterface> bond = bondOf(i, state);
        bond.ifPresent(b -> {
            a.putAll(b.params());
            a.put("bond-master", b.name());
        });
        IGNORED.forEach(a::remove);
        a.put("mtu", i.mtu());
        switch (i.type()) {
            case BOND -> a.put("bond-slaves", "none");
            case BRIDGE -> a.put("bridge_ports", i.members());
            case VLAN -> {
                a.put("vlan-raw-device", i.link());
                a.put("vlan_id", i.vlanId());
            }
            default -> {
            }
        }
        if (i.type() == InterfaceType.BOND || i.type() == InterfaceType.BRIDGE || i.type() == InterfaceType.VLAN
                || i.type() == InterfaceType.INFINIBAND) {
            a.put("hwaddress", i.macAddress());
        }
        if (a.containsKey("bridge_stp")) {
            a.put("bridge_stp", stp(a.get("bridge_stp")));
        }
        if (i.wakeOnLan()) {
            a.put("ethernet-wol", "g");
        }
        return a;
    }

    /** True if ifenslave needs the interface brought up with {@code auto} even without addresses. */
    static boolean inBond(Map<String, Object> attributes) {
        return attributes.containsKey("bond-master") || attributes.containsKey("bond-slaves");
    }

    private static Optional<NetInterface> bondOf(NetInterface i, NetworkState state) {
        return state.ofType(InterfaceType.BOND).stream().filter(b -> b.members().contains(i.name())).findFirst();
    }

    /** The reference turns {@code bridge_stp} into a boolean, so it is written {@code on} or {@code off}. */
    private static Object stp(Object v) {
        String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "on", "1", "true", "yes" -> Boolean.TRUE;
            case "off", "0", "false", "no" -> Boolean.FALSE;
            default -> v;
        };
    }
}
