package io.nubis.adapter.rcconf.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;

/**
 * The FreeBSD name of every interface of a state. Bonds become lagg(4) interfaces and bridges
 * if_bridge(4) interfaces, which rc.d/netif can only create under their driver's name
 * ({@code cloned_interfaces="lagg0"}); a bond called {@code lagg3} keeps its name, any other gets
 * the lowest free {@code laggN} (bridges likewise {@code bridgeN}). A VLAN named
 * {@code <link>.<id>} follows its link ({@code bond0.100} becomes {@code lagg0.100}); every other
 * name is kept.
 */
final class FreeBsdNames {
    private static final Pattern VAR = Pattern.compile("[A-Za-z0-9_]+");

    private final Map<String, String> names = new LinkedHashMap<>();

    private FreeBsdNames() {
    }

    /**
     * Names the interfaces of {@code state}.
     *
     * @param taken cloned interface names the rest of rc.conf already uses, never handed out
     */
    static FreeBsdNames of(NetworkState state, Collection<String> taken) {
        FreeBsdNames n = new FreeBsdNames();
        Set<String> used = new HashSet<>(taken);
        for (NetInterface i : state.interfaces()) {
            used.add(i.name());
        }
        n.clone(state, InterfaceType.BOND, "lagg", used);
        n.clone(state, InterfaceType.BRIDGE, "bridge", used);
        for (NetInterface i : state.interfaces()) {
            if (i.type() == InterfaceType.VLAN && i.link() != null && i.vlanId() != null
                    && i.name().equals(i.link() + "." + i.vlanId())) {
                n.names.put(i.name(), n.of(i.link()) + "." + i.vlanId());
            }
        }
        return n;
    }

    private void clone(NetworkState state, InterfaceType type, String driver, Set<String> used) {
        Pattern own = Pattern.compile(driver + "[0-9]+");
        int next = 0;
        for (NetInterface i : state.ofType(type)) {
            if (own.matcher(i.name()).matches()) {
                continue;
            }
            while (used.contains(driver + next)) {
                next++;
            }
            names.put(i.name(), driver + next);
            used.add(driver + next);
        }
    }

    /** The FreeBSD name of a config name. */
    String of(String name) {
        return names.getOrDefault(name, name);
    }

    /** Config names whose FreeBSD name differs, to FreeBSD name, in state order. */
    Map<String, String> renamed() {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach((k, v) -> {
            if (!k.equals(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The part of a variable name that stands for an interface, as rc.d's {@code get_if_var}
     * spells it: {@code .-/+} become {@code _} ({@code em0.101} gives {@code em0_101}).
     *
     * @throws IllegalArgumentException if the name would still not make an sh variable name:
     *         writing it would break every script that reads rc.conf
     */
    static String var(String ifname) {
        String v = ifname.replaceAll("[.\\-/+]", "_");
        if (!VAR.matcher(v).matches()) {
            throw new IllegalArgumentException("interface name '" + ifname
                    + "' cannot be written to rc.conf: only letters, digits and . - / + _ make variable names");
        }
        return v;
    }
}
