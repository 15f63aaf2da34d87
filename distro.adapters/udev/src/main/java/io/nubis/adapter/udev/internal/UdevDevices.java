package io.nubis.adapter.udev.internal;

import java.util.List;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

/**
 * udev: the hotplug hook is a rules file sorted after 80-net-setup-link.rules (like the
 * reference's 90-cloud-init-hook-hotplug.rules) that runs the hook for network devices on
 * {@code add}; udev passes ACTION, SUBSYSTEM, DEVPATH and INTERFACE in the environment.
 */
@Capability(namespace = Namespaces.DEVICES, name = UdevDevices.NAME)
@Component(property = Namespaces.DEVICES + "=" + UdevDevices.NAME)
public class UdevDevices implements DeviceManager {
    static final String NAME = "udev";
    static final String RULES = "/etc/udev/rules.d/90-nubis-hook-hotplug.rules";

    @Override
    public List<Step> installHotplugHook(String hook) {
        String rules = "# Installed by Nubis for network hotplug\n"
                + "ACTION!=\"add\", GOTO=\"nubis_end\"\n"
                + "LABEL=\"nubis_hook\"\n"
                + "SUBSYSTEM==\"net\", RUN+=\"" + HookPath.check(hook) + "\"\n"
                + "LABEL=\"nubis_end\"\n";
        return List.of(new Step.Write(RULES, rules, FileAttributes.PUBLIC), Step.run(reloadRules()));
    }

    @Override
    public List<Step> removeHotplugHook() {
        return List.of(new Step.Delete(RULES), Step.run(reloadRules()));
    }

    @Override
    public Command settle() {
        return Command.of("udevadm", "settle");
    }

    @Override
    public Command reloadRules() {
        return Command.of("udevadm", "control", "--reload-rules");
    }
}
