package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.Route;

/**
 * Gathers the interfaces, global routes and name servers of one config, then checks names and
 * references across definitions and builds the {@link NetworkState}.
 */
final class StateAssembler {
    private final Problems problems;
    private final List<InterfaceDraft> drafts = new ArrayList<>();
    private final Map<String, InterfaceDraft> byName = new HashMap<>();
    private final Map<String, InterfaceDraft> byId = new HashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> nameservers = new LinkedHashSet<>();
    private final Set<String> search = new LinkedHashSet<>();
    private final List<PendingDns> interfaceDns = new ArrayList<>();

    private record PendingDns(String iface, String path, List<String> nameservers, List<String> search) {
    }

    StateAssembler(Problems problems) {
        this.problems = problems;
    }

    /** Adds an interface whose name is set; a second interface with the same name is a problem. */
    void add(InterfaceDraft d) {
        InterfaceDraft other = byName.get(d.name);
        if (other != null) {
            problems.add(d.namePath, "interface name '" + d.name + "' is already used by " + other.path);
            return;
        }
        byName.put(d.name, d);
        byId.putIfAbsent(d.id, d);
        drafts.add(d);
    }

    void addRoute(Route r) {
        routes.add(r);
    }

    /** Adds global name servers and search domains, keeping the first of duplicates. */
    void addGlobalDns(List<String> ns, List<String> domains) {
        nameservers.addAll(ns);
        search.addAll(domains);
    }

    /** Name servers for one interface (version 1 {@code nameserver} with {@code interface}), checked at the end. */
    void addInterfaceDns(String iface, String path, List<String> ns, List<String> domains) {
        interfaceDns.add(new PendingDns(iface, path, ns, domains));
    }

    /** Resolves members, links and interface DNS, then builds the state. */
    NetworkState build(int version, Map<String, Object> source) {
        for (InterfaceDraft d : drafts) {
            for (int i = 0; i < d.memberRefs.size(); i++) {
                String ref = d.memberRefs.get(i);
                InterfaceDraft m = byId.get(ref);
                if (m == null) {
                    problems.add(Problems.index(d.membersPath, i), (d.type == InterfaceType.BOND ? "bond" : "bridge")
                            + " member '" + ref + "' is not defined");
                } else if (m == d) {
                    problems.add(Problems.index(d.membersPath, i), "'" + ref + "' cannot be a member of itself");
                } else if (d.members.contains(m.name)) {
                    problems.add(Problems.index(d.membersPath, i), "member '" + ref + "' is listed twice");
                } else {
                    d.members.add(m.name);
                }
            }
            if (d.linkRef != null) {
                InterfaceDraft l = byId.get(d.linkRef);
                if (l == null) {
                    problems.add(d.linkPath, "VLAN link '" + d.linkRef + "' is not defined");
                } else if (l == d) {
                    problems.add(d.linkPath, "a VLAN cannot sit on itself");
                } else {
                    d.link = l.name;
                }
            }
        }
        Map<InterfaceDraft, String> memberOf = new HashMap<>();
        for (InterfaceDraft d : drafts) {
            for (int i = 0; i < d.members.size(); i++) {
                InterfaceDraft m = byName.get(d.members.get(i));
                String prev = memberOf.putIfAbsent(m, d.name);
                if (prev != null) {
                    problems.add(Problems.index(d.membersPath, d.memberRefs.indexOf(m.id) < 0 ? i : d.memberRefs.indexOf(m.id)),
                            "'" + m.name + "' is already a member of '" + prev + "'");
                }
            }
        }
        for (PendingDns p : interfaceDns) {
            InterfaceDraft d = byName.get(p.iface);
            if (d == null) {
                problems.add(p.path, "name servers for interface '" + p.iface + "', which is not defined");
                continue;
            }
            addAbsent(d.nameservers, p.nameservers);
            addAbsent(d.search, p.search);
        }
        List<NetInterface> out = new ArrayList<>();
        for (InterfaceDraft d : referenceOrder()) {
            out.add(d.build());
        }
        return new NetworkState(version, out, routes, new Dns(List.copyOf(nameservers), List.copyOf(search)), source);
    }

    /**
     * The order in which the reference first inserts each interface: a bond before its members
     * (when they are defined later), a bridge after its ports; otherwise the config's order.
     */
    private List<InterfaceDraft> referenceOrder() {
        Map<String, InterfaceDraft> order = new LinkedHashMap<>();
        for (InterfaceDraft d : drafts) {
            if (d.type == InterfaceType.BRIDGE) {
                d.members.forEach(m -> order.putIfAbsent(m, byName.get(m)));
                order.putIfAbsent(d.name, d);
            } else {
                order.putIfAbsent(d.name, d);
                if (d.type == InterfaceType.BOND) {
                    d.members.forEach(m -> order.putIfAbsent(m, byName.get(m)));
                }
            }
        }
        return new ArrayList<>(order.values());
    }

    private static void addAbsent(List<String> into, List<String> values) {
        for (String v : values) {
            if (!into.contains(v)) {
                into.add(v);
            }
        }
    }
}
