package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.Dns;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.Subnet;

/** An interface while it is read: members and links still name config ids, resolved at the end. */
final class InterfaceDraft {
    /** How the config refers to it: the version 1 name, or the version 2 definition key. */
    final String id;
    /** Key path of its definition ({@code config[2]}, {@code ethernets.eth0}). */
    final String path;
    /** Key path of the value its name came from, for duplicate-name messages. */
    String namePath;
    String name;
    InterfaceType type;
    String mac;
    Integer mtu;
    Boolean acceptRa;
    boolean wakeOnLan;
    boolean optional;
    Match match = Match.NONE;
    final List<Subnet> subnets = new ArrayList<>();
    /** Member references as written, and the path of the list. */
    final List<String> memberRefs = new ArrayList<>();
    String membersPath;
    /** Resolved member names. */
    final List<String> members = new ArrayList<>();
    String linkRef;
    String linkPath;
    String link;
    Integer vlanId;
    final Map<String, Object> params = new LinkedHashMap<>();
    final List<String> nameservers = new ArrayList<>();
    final List<String> search = new ArrayList<>();
    Map<String, Object> raw = Map.of();

    InterfaceDraft(String id, String path) {
        this.id = id;
        this.path = path;
    }

    NetInterface build() {
        return new NetInterface(name, type, mac, mtu, acceptRa, wakeOnLan, optional, match, subnets, members, link,
                vlanId, params, new Dns(nameservers, search), raw);
    }
}
