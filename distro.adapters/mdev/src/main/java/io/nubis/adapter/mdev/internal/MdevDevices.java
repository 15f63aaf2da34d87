package io.nubis.adapter.mdev.internal;

import java.util.List;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

/**
 * busybox mdev (and skarnet mdevd, which reads the same file). mdev.conf has no include
 * directive, so the hook is one marked line in {@code /etc/mdev.conf}:
 * {@code -SUBSYSTEM=net;ACTION=add;.* 0:0 600 @HOOK}. The leading {@code -} lets later rules
 * still match; the {@code ACTION=add} match keeps {@code mdev -s} scans (no ACTION) from
 * running the hook. The kernel's ACTION, SUBSYSTEM, DEVPATH and INTERFACE reach the hook.
 * Installing first removes an earlier line, so the file never holds two.
 */
@Capability(namespace = Namespaces.DEVICES, name = MdevDevices.NAME)
@Component(property = Namespaces.DEVICES + "=" + MdevDevices.NAME)
public class MdevDevices implements DeviceManager {
    static final String NAME = "mdev";
    static final String CONF = "/etc/mdev.conf";
    static final String MARKER = "# Nubis network hotplug hook";

    @Override
    public List<Step> installHotplugHook(String hook) {
        String block = MARKER + "\n-SUBSYSTEM=net;ACTION=add;.* 0:0 600 @" + HookPath.check(hook) + "\n";
        return List.of(ensureConf(), Step.run(deleteMarkedLine()), new Step.Append(CONF, block, FileAttributes.PUBLIC),
                Step.run(reloadRules()));
    }

    @Override
    public List<Step> removeHotplugHook() {
        return List.of(ensureConf(), Step.run(deleteMarkedLine()), Step.run(reloadRules()));
    }

    /** Populates /dev from /sys: what callers wait for after partitioning or attaching devices. */
    @Override
    public Command settle() {
        return Command.of("mdev", "-s");
    }

    /**
     * busybox mdev re-reads mdev.conf for every event; the mdevd daemon re-reads it on SIGHUP.
     * Exit code 1 (no mdevd running) is success.
     */
    @Override
    public Command reloadRules() {
        return Command.of("pkill", "-HUP", "-x", "mdevd").okOn(1);
    }

    /** An empty append creates the file (0644) when absent and leaves it unchanged otherwise, so sed has a file to edit. */
    private static Step ensureConf() {
        return new Step.Append(CONF, "", FileAttributes.PUBLIC);
    }

    /** Deletes the marker line and the rule line after it. */
    private static Command deleteMarkedLine() {
        return Command.of("sed", "-i", "-e", "/^" + MARKER + "$/{N;d;}", CONF);
    }
}
