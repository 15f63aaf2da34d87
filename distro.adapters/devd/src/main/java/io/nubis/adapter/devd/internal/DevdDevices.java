package io.nubis.adapter.devd.internal;

import java.util.List;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

/**
 * FreeBSD devd: a {@code notify} block for IFNET ATTACH in {@code /usr/local/etc/devd/} (read
 * by the stock devd.conf). devd runs only the highest-priority matching block, so ours (10)
 * first runs the stock action ({@code /etc/pccard_ether $subsystem start}) and then the hook
 * with ACTION=add, SUBSYSTEM=net and INTERFACE set as udev would set them.
 */
@Capability(namespace = Namespaces.DEVICES, name = DevdDevices.NAME)
@Component(property = Namespaces.DEVICES + "=" + DevdDevices.NAME)
public class DevdDevices implements DeviceManager {
    static final String NAME = "devd";
    static final String CONF = "/usr/local/etc/devd/nubis.conf";

    @Override
    public List<Step> installHotplugHook(String hook) {
        String conf = "# Installed by Nubis for network hotplug\n"
                + "notify 10 {\n"
                + "\tmatch \"system\"\t\t\"IFNET\";\n"
                + "\tmatch \"type\"\t\t\"ATTACH\";\n"
                + "\taction \"/etc/pccard_ether $subsystem start; "
                + "ACTION=add SUBSYSTEM=net INTERFACE=$subsystem " + HookPath.check(hook) + "\";\n"
                + "};\n";
        return List.of(new Step.Write(CONF, conf, FileAttributes.PUBLIC), Step.run(reloadRules()));
    }

    @Override
    public List<Step> removeHotplugHook() {
        return List.of(new Step.Delete(CONF), Step.run(reloadRules()));
    }

    /**
     * FreeBSD's devfs creates device nodes synchronously in the kernel, so there is no event
     * queue to wait for (the reference has no settle on BSD either); {@code true} keeps the
     * caller's sequence uniform.
     */
    @Override
    public Command settle() {
        return Command.of("true");
    }

    /** devd reads its configuration only at start. */
    @Override
    public Command reloadRules() {
        return Command.of("service", "devd", "restart");
    }
}
