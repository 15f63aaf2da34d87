package io.nubis.adapter.rcconf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.NubisRenderer;
import io.nubis.api.net.RenderContext;
import io.nubis.api.net.Subnet;
import io.nubis.api.target.FileAttributes;

/**
 * FreeBSD's network configuration: {@code ifconfig_*}, route and clone keys in
 * {@code /etc/rc.conf}, name servers in {@code /etc/resolv.conf}, as the reference's
 * {@code freebsd} renderer writes them (values quoted like its rc.conf helper:
 * {@code ifconfig_em0=DHCP}, {@code ifconfig_em0='inet 192.0.2.5 netmask 255.255.255.0'}).
 * Which keys are written is described in {@link RcConfPlanner}; how rc.conf, which belongs to
 * the whole system, is edited without touching other keys, in {@link RcConfFile}; resolv.conf in
 * {@link ResolvConfEditor} (like the reference it creates an empty resolv.conf, which means the
 * same to the resolver as none, when there is none and the config names no server). Both files
 * are only written when their content changes. Available where {@code sysrc} exists (no Linux distribution has it)
 * and {@code /etc/rc.conf} does.
 * <p>
 * Options ({@code system_info.network.renderer_configs.freebsd}):
 * <ul>
 * <li>{@code current_names}: a map from MAC address to the name the interface has now, which
 * the engine fills from the running system (sysfs, {@code ifconfig}) before rendering. The
 * reference looks the names up itself while rendering; a renderer here only returns steps, so it
 * gets them this way. A physical interface of the config whose MAC is there under another name
 * gets {@code ifconfig_<current>_name=<name>}, which rc.d/netif applies before configuring
 * interfaces. Without it no interface is renamed.</li>
 * <li>{@code postcmds}: {@code false} makes {@link #apply} return nothing, as the reference's
 * BSD renderer option of that name skips restarting the network.</li>
 * </ul>
 * Activation uses rc.d: {@code service netif start|stop IF} for one interface (netif also adds
 * and removes that interface's static routes), {@code service netif restart} and
 * {@code service routing restart} for everything (routing exits 1 when it cannot delete the
 * loopback route while still setting the routes; the reference accepts that too).
 */
@Component(service = NetworkRenderer.class)
@NubisRenderer(nubis_netrenderer = FreeBsdRenderer.NAME, probe_commands = {"sysrc"}, probe_files = {FreeBsdRenderer.RC_CONF})
public class FreeBsdRenderer implements NetworkRenderer {
    static final String NAME = "freebsd";
    static final String RC_CONF = "/etc/rc.conf";
    static final String RESOLV_CONF = "/etc/resolv.conf";

    @Override
    public List<Step> render(NetworkState state, RenderContext context) {
        List<Step> steps = new ArrayList<>();
        String old = read(context, RC_CONF);
        RcConfFile file = RcConfFile.parse(old);
        String text = file.merge(RcConfPlanner.plan(state, currentNames(context.options()), file));
        if (!text.equals(old)) {
            steps.add(new Step.Write(RC_CONF, text, FileAttributes.PUBLIC));
        }
        Set<String> servers = new LinkedHashSet<>(state.dns().nameservers());
        Set<String> search = new LinkedHashSet<>(state.dns().search());
        for (NetInterface i : state.interfaces()) {
            for (Subnet s : i.subnets()) {
                servers.addAll(s.dns().nameservers());
                search.addAll(s.dns().search());
            }
            servers.addAll(i.dns().nameservers());
            search.addAll(i.dns().search());
        }
        String oldResolv = read(context, RESOLV_CONF);
        ResolvConfEditor resolv = new ResolvConfEditor(oldResolv);
        servers.forEach(resolv::addNameserver);
        search.forEach(resolv::addSearchDomain);
        if (!resolv.text().equals(oldResolv) || !context.target().exists(RESOLV_CONF)) {
            steps.add(new Step.Write(RESOLV_CONF, resolv.text(), FileAttributes.PUBLIC));
        }
        return steps;
    }

    @Override
    public List<Step> bringUp(String iface, RenderContext context) {
        return List.of(Step.run("service", "netif", "start", rcName(iface, context)));
    }

    @Override
    public List<Step> bringDown(String iface, RenderContext context) {
        return List.of(Step.run("service", "netif", "stop", rcName(iface, context)));
    }

    @Override
    public List<Step> apply(RenderContext context) {
        Object postcmds = context.options().get("postcmds");
        if (Boolean.FALSE.equals(postcmds) || "false".equalsIgnoreCase(String.valueOf(postcmds))) {
            return List.of();
        }
        return List.of(Step.run("service", "netif", "restart"),
                Step.run(Command.of("service", "routing", "restart").okOn(0, 1)));
    }

    /**
     * None: rc.conf and resolv.conf belong to the whole system (host name, services, the
     * resolver), so {@code clean -c network} must not delete them; the renderer's keys are
     * removed by rendering a state without them.
     */
    @Override
    public List<String> ownedFiles(RenderContext context) {
        return List.of();
    }

    /** The name rc.conf uses for a config interface (a bond renders as a lagg). */
    private static String rcName(String iface, RenderContext context) {
        return RcConfFile.parse(read(context, RC_CONF)).renamed().getOrDefault(iface, iface);
    }

    private static String read(RenderContext context, String path) {
        try {
            return context.target().readString(path).orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The {@code current_names} option: lower-case MAC to current interface name. */
    static Map<String, String> currentNames(Map<String, Object> options) {
        Map<String, String> out = new LinkedHashMap<>();
        if (options.get("current_names") instanceof Map<?, ?> m) {
            m.forEach((mac, name) -> {
                if (mac != null && name != null) {
                    out.put(mac.toString().toLowerCase(Locale.ROOT), name.toString());
                }
            });
        }
        return out;
    }
}
