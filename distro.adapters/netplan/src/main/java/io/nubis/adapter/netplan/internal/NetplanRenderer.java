package io.nubis.adapter.netplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.NubisRenderer;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;

/**
 * netplan: one YAML file, {@code /etc/netplan/50-cloud-init.yaml} (mode 0600, as netplan wants
 * for files that may hold secrets), with the distro's header. A version 2 config is written
 * back as given; a version 1 config is converted to netplan's version 2 the way the reference
 * converts it. Rendering also removes snapd's stock config and, where the distro's settings ask
 * for it ({@code postcmds}), runs {@code netplan generate}, which only writes the backend's
 * files under /run; {@code netplan apply} brings them up.
 */
@Component(service = NetworkRenderer.class)
@NubisRenderer(nubis_netrenderer = NetplanRenderer.NAME, probe_commands = {"netplan"})
public final class NetplanRenderer implements NetworkRenderer {
    static final String NAME = "netplan";
    static final Command GENERATE = Command.of("netplan", "generate");
    static final Command APPLY = Command.of("netplan", "apply");
    static final FileAttributes MODE = FileAttributes.mode(0600);

    @Override
    public List<Step> render(NetworkState state, RenderContext context) {
        NetplanOptions o = NetplanOptions.of(context);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Write(o.path(), o.header() + content(state, o.ipv6Mtu()), MODE));
        if (o.cleanDefault()) {
            steps.addAll(SnapdDefault.cleanup(context.target()));
        }
        if (o.postcmds()) {
            steps.add(Step.run(GENERATE));
        }
        return steps;
    }

    /** The document: version 2 as given under {@code network:}, version 1 converted. */
    static String content(NetworkState state, boolean ipv6Mtu) {
        if (state.version() == 2) {
            return YamlEmitter.dump(Map.of("network", state.source()), 0, true);
        }
        return new V1ToNetplan(state, ipv6Mtu).render();
    }

    @Override
    public List<Step> bringUp(String iface, RenderContext context) {
        return List.of(Step.run(APPLY));
    }

    @Override
    public List<Step> bringDown(String iface, RenderContext context) {
        return List.of(Step.run(APPLY));
    }

    @Override
    public List<Step> apply(RenderContext context) {
        return List.of(Step.run(APPLY));
    }

    @Override
    public List<String> ownedFiles(RenderContext context) {
        return List.of(NetplanOptions.of(context).path());
    }
}
