package io.nubis.adapter.sysconfig.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.net.support.PersistentNetRules;
import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.net.InterfaceType;
import io.nubis.api.net.NetInterface;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.NubisRenderer;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * SUSE's {@code /etc/sysconfig/network}: an {@code ifcfg-<if>} file per interface (and
 * {@code ifroute-<if>} for its routes), the global name servers merged into resolv.conf with
 * a NetworkManager drop-in that keeps NetworkManager off it, and the udev rules that name
 * interfaces by MAC address, as the reference's sysconfig renderer writes them for openSUSE
 * and SLES. wicked brings interfaces up.
 * <p>
 * Available, like the reference's check for SUSE, when {@code ifup} and {@code ifdown} exist
 * and so does {@code /etc/sysconfig/network/config} (22.4 looks for
 * {@code /etc/sysconfig/config}, which SUSE does not have).
 */
@Component
@NubisRenderer(nubis_netrenderer = SysconfigRenderer.NAME, probe_commands = {"ifup", "ifdown"},
        probe_files = {"/etc/sysconfig/network/config"})
public class SysconfigRenderer implements NetworkRenderer {
    static final String NAME = "sysconfig";

    @Override
    public List<Step> render(NetworkState state, RenderContext context) {
        SysconfigPaths paths = SysconfigPaths.of(context.options());
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, ShellVars> cfgs = SuseIfcfg.of(state);
        for (NetInterface iface : state.interfaces()) {
            ShellVars cfg = cfgs.get(iface.name());
            if (cfg == null || iface.type() == InterfaceType.LOOPBACK) {
                continue;
            }
            if (!cfg.isEmpty()) {
                files.put(paths.ifcfg(iface.name()), cfg.render());
            }
            routes(iface, paths, files);
        }
        if (paths.dns() != null && !state.dns().isEmpty()) {
            files.put(paths.dns(), resolvConf(state, context.target(), paths.dns()));
        }
        String nmConf = NetworkManagerDnsConf.of(state);
        if (paths.nmConf() != null && nmConf != null) {
            files.put(paths.nmConf(), nmConf);
        }
        if (paths.netrules() != null) {
            files.put(paths.netrules(), PersistentNetRules.of(state));
        }
        List<Step> steps = new ArrayList<>();
        files.forEach((path, content) -> steps.add(new Step.Write(path, content, FileAttributes.PUBLIC)));
        for (String stale : owned(context.target(), paths)) {
            if (!files.containsKey(stale)) {
                steps.add(new Step.Delete(stale));
            }
        }
        return steps;
    }

    private static void routes(NetInterface iface, SysconfigPaths paths, Map<String, String> files) {
        String v4 = paths.route4(iface.name());
        String v6 = paths.route6(iface.name());
        List<String> lines4 = IfrouteLines.of(iface, false);
        List<String> lines6 = IfrouteLines.of(iface, true);
        if (v4.equals(v6)) {
            lines4 = new ArrayList<>(lines4);
            lines4.addAll(lines6);
            lines6 = List.of();
        }
        for (var file : List.of(Map.entry(v4, lines4), Map.entry(v6, lines6))) {
            if (!file.getValue().isEmpty()) {
                files.put(file.getKey(), ShellVars.HEADER + "\n" + String.join("", file.getValue()));
            }
        }
    }

    private static String resolvConf(NetworkState state, TargetRoot target, String path) {
        String existing;
        try {
            existing = target.isDirectory(path) ? "" : target.readString(path).orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        ResolvConf conf = ResolvConf.parse(existing);
        state.dns().nameservers().forEach(conf::addNameserver);
        state.dns().search().forEach(conf::addSearchDomain);
        return conf.render();
    }

    /**
     * The files in the target that an earlier render wrote: ifcfg and ifroute files that carry
     * the reference's header, and the NetworkManager drop-in.
     */
    private static TreeSet<String> owned(TargetRoot target, SysconfigPaths paths) {
        TreeSet<String> owned = new TreeSet<>();
        for (String template : List.of(paths.ifaceTpl(), paths.route4Tpl(), paths.route6Tpl())) {
            String pattern = paths.expand(template, "\u0000");
            int slash = pattern.lastIndexOf('/');
            String dir = slash == 0 ? "/" : pattern.substring(0, slash);
            String file = pattern.substring(slash + 1);
            if (dir.indexOf('\u0000') >= 0 || file.indexOf('\u0000') < 0) {
                continue;
            }
            String prefix = file.substring(0, file.indexOf('\u0000'));
            String suffix = file.substring(file.indexOf('\u0000') + 1);
            for (String name : list(target, dir)) {
                String path = (dir.equals("/") ? "" : dir) + "/" + name;
                if (name.length() > prefix.length() + suffix.length() && name.startsWith(prefix)
                        && name.endsWith(suffix) && ours(target, path)) {
                    owned.add(path);
                }
            }
        }
        if (paths.nmConf() != null && ours(target, paths.nmConf())) {
            owned.add(paths.nmConf());
        }
        return owned;
    }

    private static List<String> list(TargetRoot target, String dir) {
        try {
            return target.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean ours(TargetRoot target, String path) {
        try {
            return target.exists(path) && !target.isDirectory(path)
                    && target.readString(path).orElse("").startsWith(ShellVars.HEADER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    @Override
    public List<Step> bringUp(String iface, RenderContext context) {
        return List.of(Step.run(Command.of("wicked", "ifup", iface)));
    }

    @Override
    public List<Step> bringDown(String iface, RenderContext context) {
        return List.of(Step.run(Command.of("wicked", "ifdown", iface)));
    }

    @Override
    public List<Step> apply(RenderContext context) {
        return List.of(Step.run(Command.of("wicked", "ifreload", "all")));
    }

    /** The ifcfg and ifroute files written by an earlier render, the udev rules and the drop-in. */
    @Override
    public List<String> ownedFiles(RenderContext context) {
        SysconfigPaths paths = SysconfigPaths.of(context.options());
        TreeSet<String> files = owned(context.target(), paths);
        if (paths.netrules() != null) {
            files.add(paths.netrules());
        }
        if (paths.nmConf() != null) {
            files.add(paths.nmConf());
        }
        return List.copyOf(files);
    }
}
