package io.nubis.adapter.networkmanager.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.NubisRenderer;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;

/**
 * NetworkManager keyfiles: one {@code cloud-init-<if>.nmconnection} (mode 0600) per interface
 * in {@code /etc/NetworkManager/system-connections}, as the reference writes them, with its
 * name-based UUIDs so controllers, ports and VLAN parents refer to each other. Profiles of
 * interfaces no longer in the config are deleted. Brought up with {@code nmcli connection load}
 * and {@code up filename}, as the reference's activator does.
 * <p>
 * Available, like the reference, when {@code nmcli} exists with
 * {@code /etc/NetworkManager/NetworkManager.conf}; the reference's
 * {@code systemctl is-enabled NetworkManager.service} becomes the unit file's presence.
 */
@Component
@NubisRenderer(nubis_netrenderer = NetworkManagerRenderer.NAME, probe_commands = {"nmcli"},
        probe_files = {"/etc/NetworkManager/NetworkManager.conf", "/usr/lib/systemd/system/NetworkManager.service"})
public class NetworkManagerRenderer implements NetworkRenderer {
    static final String NAME = "network-manager";
    static final String DIR = "/etc/NetworkManager/system-connections";
    static final String PREFIX = "cloud-init-";
    static final String SUFFIX = ".nmconnection";

    /** The keyfile of one interface. */
    static String path(String iface) {
        return DIR + "/" + PREFIX + iface + SUFFIX;
    }

    @Override
    public List<Step> render(NetworkState state, RenderContext context) {
        Map<String, ConnectionProfile> profiles = new LinkedHashMap<>();
        for (NetInterface iface : state.interfaces()) {
            profiles.put(iface.name(), new ConnectionProfile(iface.name()));
        }
        for (NetInterface iface : state.interfaces()) {
            profiles.get(iface.name()).fill(iface, state, profiles);
        }
        List<Step> steps = new ArrayList<>();
        List<String> written = new ArrayList<>();
        profiles.forEach((name, profile) -> {
            if (profile.valid()) {
                written.add(path(name));
                steps.add(new Step.Write(path(name), profile.render(), FileAttributes.PRIVATE));
            }
        });
        for (String old : existing(context)) {
            if (!written.contains(old)) {
                steps.add(new Step.Delete(old));
            }
        }
        return steps;
    }

    /** The keyfiles an earlier render left, sorted. */
    private static List<String> existing(RenderContext context) {
        try {
            return context.target().list(DIR).stream()
                    .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX) && n.length() > PREFIX.length() + SUFFIX.length())
                    .map(n -> DIR + "/" + n)
                    .filter(p -> !context.target().isDirectory(p))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + DIR, e);
        }
    }

    @Override
    public List<Step> bringUp(String iface, RenderContext context) {
        return List.of(Step.run(Command.of("nmcli", "connection", "load", path(iface))),
                Step.run(Command.of("nmcli", "connection", "up", "filename", path(iface))));
    }

    @Override
    public List<Step> bringDown(String iface, RenderContext context) {
        return List.of(Step.run(Command.of("nmcli", "device", "disconnect", iface)));
    }

    @Override
    public List<Step> apply(RenderContext context) {
        return List.of(Step.run(Command.of("nmcli", "connection", "reload")));
    }

    @Override
    public List<String> ownedFiles(RenderContext context) {
        return List.of(DIR + "/" + PREFIX + "*" + SUFFIX);
    }
}
