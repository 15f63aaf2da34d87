package io.nubis.adapter.networkd.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.Match;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.NubisRenderer;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;

/**
 * systemd-networkd: {@code 10-cloud-init-<name>.network} for every interface (the reference's
 * file name and content), plus the {@code .netdev} files that create bonds, bridges and VLANs
 * and the {@code .link} files that name physical interfaces, which the reference does not
 * write. Files are 0644 and owned by {@code systemd-network}, as the reference chowns them.
 * {@code 10-cloud-init-*} files of interfaces no longer in the state are deleted. Bond members,
 * bridge ports and VLAN parents that the state names but does not define get a file that only
 * attaches them. Activation is {@code networkctl reload}, then {@code networkctl reconfigure}
 * for one interface; {@code networkctl down} takes one down.
 */
@Component(service = NetworkRenderer.class)
@NubisRenderer(nubis_netrenderer = NetworkdRenderer.NAME, probe_commands = {"ip", "systemctl"})
public final class NetworkdRenderer implements NetworkRenderer {
    static final String NAME = "networkd";
    static final String DEFAULT_DIR = "/etc/systemd/network/";
    static final String PREFIX = "10-cloud-init-";
    static final FileAttributes ATTRS = new FileAttributes(0644, "systemd-network", "systemd-network");
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + ".+\\.(network|netdev|link)");

    @Override
    public List<Step> render(NetworkState state, RenderContext context) {
        String dir = dir(context);
        Map<String, String> files = files(state);
        List<Step> steps = new ArrayList<>();
        files.forEach((name, text) -> steps.add(new Step.Write(dir + name, text, ATTRS)));
        for (String stale : existing(context, dir)) {
            if (!files.containsKey(stale)) {
                steps.add(new Step.Delete(dir + stale));
            }
        }
        return steps;
    }

    /** File name to content: every {@code .network}, then the {@code .netdev} and {@code .link} files. */
    static Map<String, String> files(NetworkState state) {
        NetworkUnits units = new NetworkUnits(state);
        Map<String, String> network = new LinkedHashMap<>();
        Map<String, String> others = new LinkedHashMap<>();
        for (NetInterface i : state.interfaces()) {
            checkName(i.name());
            network.put(PREFIX + i.name() + ".network", units.of(i).text());
            UnitFile netdev = Netdevs.of(i);
            if (netdev != null) {
                others.put(PREFIX + i.name() + ".netdev", netdev.text());
            }
            UnitFile link = LinkFiles.of(state, i);
            if (link != null) {
                others.put(PREFIX + i.name() + ".link", link.text());
            }
        }
        for (String missing : undefinedMembers(state)) {
            checkName(missing);
            network.put(PREFIX + missing + ".network", units.of(placeholder(missing)).text());
        }
        network.putAll(others);
        return network;
    }

    /** Bond members, bridge ports and VLAN parents that the state names but does not define. */
    private static Set<String> undefinedMembers(NetworkState state) {
        Set<String> out = new LinkedHashSet<>();
        for (NetInterface i : state.interfaces()) {
            List<String> needed = new ArrayList<>(i.members());
            if (i.type() == InterfaceType.VLAN && i.link() != null) {
                needed.add(i.link());
            }
            for (String n : needed) {
                if (state.find(n).isEmpty()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** An interface name becomes part of a file name: it must be a plain name, as the kernel's are. */
    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || !name.matches("[^/\\s]+")) {
            throw new IllegalArgumentException("'" + name + "' cannot be an interface name");
        }
    }

    private static NetInterface placeholder(String name) {
        return new NetInterface(name, InterfaceType.PHYSICAL, null, null, null, false, false, Match.NONE,
                List.of(), List.of(), null, null, null, null, null);
    }

    private static List<String> existing(RenderContext context, String dir) {
        if (context.target() == null) {
            return List.of();
        }
        try {
            return context.target().list(dir).stream().filter(n -> OWNED.matcher(n).matches()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The {@code network_conf_dir} option, absolute and ending in a slash. */
    static String dir(RenderContext context) {
        Object o = context.options().get("network_conf_dir");
        String dir = o instanceof String s && !s.isBlank() ? s.trim() : DEFAULT_DIR;
        if (!dir.startsWith("/")) {
            dir = "/" + dir;
        }
        return dir.endsWith("/") ? dir : dir + "/";
    }

    @Override
    public List<Step> bringUp(String iface, RenderContext context) {
        return List.of(Step.run("networkctl", "reload"), Step.run("networkctl", "reconfigure", iface));
    }

    @Override
    public List<Step> bringDown(String iface, RenderContext context) {
        return List.of(Step.run(Command.of("networkctl", "down", iface)));
    }

    @Override
    public List<Step> apply(RenderContext context) {
        return List.of(Step.run("networkctl", "reload"));
    }

    @Override
    public List<String> ownedFiles(RenderContext context) {
        String dir = dir(context);
        return List.of(dir + PREFIX + "*.network", dir + PREFIX + "*.netdev", dir + PREFIX + "*.link");
    }
}
