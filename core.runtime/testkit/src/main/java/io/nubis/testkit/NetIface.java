package io.nubis.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.Subnet;

/**
 * A hand-made {@link NetInterface} under construction, for renderer unit tests that do not go
 * through the network-config reader. Everything not set is absent: no MAC address, MTU or
 * subnets, no match, the stack's default for router advertisements. {@link NetStates} makes
 * states, subnets and routes.
 *
 * <pre>{@code
 * NetInterface bond = NetIface.of("bond0", InterfaceType.BOND).members("eth0", "eth1")
 *         .param("bond-mode", "802.3ad").subnets(NetStates.dynamic("dhcp")).build();
 * }</pre>
 */
public final class NetIface {
    private final String name;
    private final InterfaceType type;
    private String mac;
    private Integer mtu;
    private Boolean acceptRa;
    private boolean wakeOnLan;
    private String driver;
    private final List<Subnet> subnets = new ArrayList<>();
    private final List<String> members = new ArrayList<>();
    private String link;
    private Integer vlanId;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private Dns dns = Dns.NONE;
    private final Map<String, Object> raw = new LinkedHashMap<>();

    private NetIface(String name, InterfaceType type) {
        this.name = name;
        this.type = type;
    }

    /** A physical interface. */
    public static NetIface physical(String name) {
        return new NetIface(name, InterfaceType.PHYSICAL);
    }

    /** An interface of any kind. */
    public static NetIface of(String name, InterfaceType type) {
        return new NetIface(name, type);
    }

    public NetIface mac(String address) {
        mac = address;
        return this;
    }

    public NetIface mtu(int bytes) {
        mtu = bytes;
        return this;
    }

    public NetIface acceptRa(boolean accept) {
        acceptRa = accept;
        return this;
    }

    public NetIface wakeOnLan() {
        wakeOnLan = true;
        return this;
    }

    /** Matched (version 2 {@code match:}) by its MAC address and this driver. */
    public NetIface driver(String name) {
        driver = name;
        return this;
    }

    /** Adds subnets, in order. */
    public NetIface subnets(Subnet... s) {
        subnets.addAll(List.of(s));
        return this;
    }

    /** Adds bond slaves or bridge ports, in order. */
    public NetIface members(String... names) {
        members.addAll(List.of(names));
        return this;
    }

    /** A VLAN with this id on {@code onLink}. */
    public NetIface vlan(String onLink, int id) {
        link = onLink;
        vlanId = id;
        return this;
    }

    /** A bond, bridge or VLAN parameter under its version 1 name. */
    public NetIface param(String key, Object value) {
        params.put(key, value);
        return this;
    }

    public NetIface params(Map<String, Object> all) {
        params.putAll(all);
        return this;
    }

    /** The interface's own name servers and search domains. */
    public NetIface dns(Dns d) {
        dns = d;
        return this;
    }

    public NetIface dns(List<String> nameservers, List<String> search) {
        return dns(new Dns(nameservers, search));
    }

    /** Keys of the definition as written that the model does not name. */
    public NetIface raw(Map<String, Object> entries) {
        raw.putAll(entries);
        return this;
    }

    public NetInterface build() {
        Match match = driver == null ? Match.NONE : new Match(mac, null, driver);
        return new NetInterface(name, type, mac, mtu, acceptRa, wakeOnLan, false, match, subnets, members, link, vlanId,
                params, dns, raw);
    }
}
