package io.nubis.adapter.eni.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.nubis.api.net.support.PersistentNetRules;
import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.net.NubisRenderer;
import io.nubis.api.net.RenderContext;
import io.nubis.api.target.FileAttributes;

/**
 * ifupdown's {@code /etc/network/interfaces} format (the reference's {@code eni} renderer): one file
 * of stanzas ({@code eni_path}, Debian's {@code /etc/network/interfaces.d/50-cloud-init} by
 * default) and the udev rules that name physical interfaces by MAC address ({@code netrules_path}).
 * With the option {@code dialect: busybox} the stanzas are written for busybox's ifup (Alpine),
 * by default into {@code /etc/network/interfaces} itself.
 * <p>
 * Available where {@code ifup} and {@code ifdown} exist and {@code /etc/network/interfaces} does.
 * The reference also wants {@code ifquery}, which busybox does not have; on Debian it comes in the
 * same package as {@code ifup}, so it adds nothing there. Interfaces are brought up and down with
 * {@code ifup IFACE} and {@code ifdown IFACE}, as the reference's activator does.
 */
@Component(service = NetworkRenderer.class)
@NubisRenderer(nubis_netrenderer = EniRenderer.NAME, probe_commands = {"ifup", "ifdown"},
        probe_files = {EniOptions.MAIN_INTERFACES})
public class EniRenderer implements NetworkRenderer {
    static final String NAME = "eni";

    @Override
    public List<Step> render(NetworkState state, RenderContext context) {
        EniOptions o = EniOptions.of(context.options());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Write(o.eniPath(), o.header() + InterfacesFile.render(state, o.dialect()),
                FileAttributes.PUBLIC));
        if (o.netrulesPath() != null) {
            steps.add(new Step.Write(o.netrulesPath(), PersistentNetRules.of(state), FileAttributes.PUBLIC));
        }
        return steps;
    }

    @Override
    public List<Step> bringUp(String iface, RenderContext context) {
        return List.of(Step.run("ifup", iface));
    }

    @Override
    public List<Step> bringDown(String iface, RenderContext context) {
        return List.of(Step.run("ifdown", iface));
    }

    /**
     * Takes down every interface of the rendered file (the last defined first, so VLANs and bridges
     * go before what they sit on) and brings them up again in file order: ifup does nothing for an
     * interface it already configured, so changed stanzas only apply after an ifdown. Without a
     * rendered file, {@code ifup -a} brings up whatever the system marks {@code auto}.
     */
    @Override
    public List<Step> apply(RenderContext context) {
        EniOptions o = EniOptions.of(context.options());
        Optional<String> file;
        try {
            file = context.target().readString(o.eniPath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + o.eniPath(), e);
        }
        if (file.isEmpty()) {
            return List.of(Step.run("ifup", "-a"));
        }
        List<String> names = RenderedInterfaces.in(file.get());
        List<Step> steps = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            steps.add(Step.run("ifdown", names.get(i)));
        }
        for (String name : names) {
            steps.add(Step.run("ifup", name));
        }
        return steps;
    }

    /**
     * The rendered file and the rules file. {@code /etc/network/interfaces} itself (the busybox
     * dialect's file) is not listed: without it the renderer is no longer available and the next
     * boot would have no network; the next render replaces its content anyway.
     */
    @Override
    public List<String> ownedFiles(RenderContext context) {
        EniOptions o = EniOptions.of(context.options());
        List<String> files = new ArrayList<>();
        if (!o.eniPath().equals(EniOptions.MAIN_INTERFACES)) {
            files.add(o.eniPath());
        }
        if (o.netrulesPath() != null) {
            files.add(o.netrulesPath());
        }
        return files;
    }
}
