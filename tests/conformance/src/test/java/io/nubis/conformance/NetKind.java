package io.nubis.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The output kinds compared ({@code net-convert -O}), each with the one distro ({@code -D}) the
 * suite renders it for: the distro chooses the renderer's file names and flavour.
 */
enum NetKind {
    /** {@code etc/network/interfaces.d/50-cloud-init} and udev rules; Debian's paths and header. */
    ENI("eni", "debian", "debian"),
    /** {@code etc/netplan/50-cloud-init.yaml}; Ubuntu, where netplan is the default. */
    NETPLAN("netplan", "ubuntu", "debian"),
    /** {@code etc/systemd/network/10-cloud-init-*.network}; the distro does not change it. */
    NETWORKD("networkd", "debian", "debian"),
    /** SUSE flavour: {@code etc/sysconfig/network/ifcfg-*}, {@code ifroute-*}, udev rules. */
    SYSCONFIG("sysconfig", "opensuse", "suse"),
    /** {@code etc/NetworkManager/system-connections/cloud-init-*.nmconnection}; distro-neutral. */
    NETWORK_MANAGER("network-manager", "opensuse", "suse");

    private final String id;
    private final String distro;
    private final String assembly;

    NetKind(String id, String distro, String assembly) {
        this.id = id;
        this.distro = distro;
        this.assembly = assembly;
    }

    /** The Nubis assembly that has this renderer (each assembly holds only its distro's renderers). */
    String assembly() {
        return assembly;
    }

    String id() {
        return id;
    }

    String distro() {
        return distro;
    }

    static NetKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown output kind " + id + "; known: " + ids()));
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(NetKind::id).toList();
    }

    /** The kinds named in a comma-separated list (blank: all), in declaration order. */
    static List<NetKind> selected(String list) {
        if (list == null || list.isBlank()) {
            return List.of(values());
        }
        List<NetKind> wanted = new ArrayList<>();
        for (String s : list.split(",")) {
            wanted.add(of(s.strip()));
        }
        return Arrays.stream(values()).filter(wanted::contains).toList();
    }
}
