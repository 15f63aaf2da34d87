package io.nubis.adapter.mdev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

class MdevDevicesTest {
    private static final FileAttributes R644 = FileAttributes.mode(0644);
    private static final Command SED = Command.of("sed", "-i", "-e", "/^# Nubis network hotplug hook$/{N;d;}", "/etc/mdev.conf");
    private final MdevDevices mdev = new MdevDevices();

    @Test
    void installReplacesTheMarkedLine() {
        assertEquals(List.of(
                new Step.Append("/etc/mdev.conf", "", R644),
                new Step.Run(SED),
                new Step.Append("/etc/mdev.conf", "# Nubis network hotplug hook\n"
                        + "-SUBSYSTEM=net;ACTION=add;.* 0:0 600 @/usr/lib/nubis/hook-hotplug\n", R644),
                new Step.Run(mdev.reloadRules())),
                mdev.installHotplugHook("/usr/lib/nubis/hook-hotplug"));
    }

    @Test
    void removeDeletesTheMarkedLine() {
        assertEquals(List.of(new Step.Append("/etc/mdev.conf", "", R644), new Step.Run(SED), new Step.Run(mdev.reloadRules())),
                mdev.removeHotplugHook());
    }

    @Test
    void settleScansSysAndReloadSignalsMdevd() {
        assertEquals(Command.of("mdev", "-s"), mdev.settle());
        Command reload = mdev.reloadRules();
        assertEquals(List.of("pkill", "-HUP", "-x", "mdevd"), reload.argv());
        assertEquals(Set.of(0, 1), reload.okCodes());
    }

    @Test
    void badHooksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> mdev.installHotplugHook("/x; reboot"));
        assertThrows(IllegalArgumentException.class, () -> mdev.installHotplugHook("/x\n.* 0:0 600 @/bin/sh"));
    }
}
