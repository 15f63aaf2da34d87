package io.nubis.api.net;

import java.util.List;
import java.util.Map;

/**
 * One interface of a {@link NetworkState}.
 *
 * @param name       the interface's name (after {@code set-name}, for version 2)
 * @param type       its kind
 * @param macAddress lower-case MAC address, or null
 * @param mtu        MTU, or null
 * @param acceptRa   whether IPv6 router advertisements are accepted; null for the stack's default
 * @param wakeOnLan  wake-on-LAN
 * @param optional   version 2 {@code optional}: boot does not wait for it
 * @param match      how a version 2 definition finds the device ({@link Match#NONE} for version 1)
 * @param subnets    how it gets addresses, in order; empty for an interface that is only brought up
 * @param members    bond slaves or bridge ports, in order
 * @param link       the device a VLAN sits on, or null
 * @param vlanId     the VLAN id, or null
 * @param params     bond, bridge or VLAN parameters under their version 1 names
 *                   ({@code bond-mode}, {@code bond-miimon}, {@code bridge_stp}, {@code bridge_pathcost}...);
 *                   values are strings, numbers, booleans or lists
 * @param dns        name servers and search domains given for this interface (version 2 {@code nameservers})
 * @param raw        the definition as written in the config, for keys this model does not name
 */
public record NetInterface(String name, InterfaceType type, String macAddress, Integer mtu, Boolean acceptRa,
        boolean wakeOnLan, boolean optional, Match match, List<Subnet> subnets, List<String> members,
        String link, Integer vlanId, Map<String, Object> params, Dns dns, Map<String, Object> raw) {

    public NetInterface {
        match = match == null ? Match.NONE : match;
        subnets = List.copyOf(subnets);
        members = List.copyOf(members);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        dns = dns == null ? Dns.NONE : dns;
        raw = raw == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }

    /** True if some subnet asks for DHCPv4. */
    public boolean hasDhcp4() {
        return subnets.stream().anyMatch(Subnet::isDhcp4);
    }

    /** True if some subnet is static. */
    public boolean hasStatic() {
        return subnets.stream().anyMatch(Subnet::isStatic);
    }
}
