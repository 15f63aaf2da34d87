package io.nubis.adapter.udev.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

class UdevDevicesTest {
    private final UdevDevices udev = new UdevDevices();

    @Test
    void installWritesTheRuleAndReloads() {
        assertEquals(List.of(
                new Step.Write("/etc/udev/rules.d/90-nubis-hook-hotplug.rules",
                        "# Installed by Nubis for network hotplug\n"
                                + "ACTION!=\"add\", GOTO=\"nubis_end\"\n"
                                + "LABEL=\"nubis_hook\"\n"
                                + "SUBSYSTEM==\"net\", RUN+=\"/usr/lib/nubis/hook-hotplug\"\n"
                                + "LABEL=\"nubis_end\"\n",
                        FileAttributes.mode(0644)),
                new Step.Run(Command.of("udevadm", "control", "--reload-rules"))),
                udev.installHotplugHook("/usr/lib/nubis/hook-hotplug"));
    }

    @Test
    void removeDeletesTheRuleAndReloads() {
        assertEquals(List.of(new Step.Delete("/etc/udev/rules.d/90-nubis-hook-hotplug.rules"),
                new Step.Run(Command.of("udevadm", "control", "--reload-rules"))), udev.removeHotplugHook());
    }

    @Test
    void settleAndReload() {
        assertEquals(Command.of("udevadm", "settle"), udev.settle());
        assertEquals(Command.of("udevadm", "control", "--reload-rules"), udev.reloadRules());
    }

    @Test
    void hooksThatWouldBreakTheRuleAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> udev.installHotplugHook("hook-hotplug"));
        assertThrows(IllegalArgumentException.class, () -> udev.installHotplugHook("/x\", RUN+=\"/bin/sh"));
        assertThrows(IllegalArgumentException.class, () -> udev.installHotplugHook("/a b"));
        assertThrows(IllegalArgumentException.class, () -> udev.installHotplugHook("/usr/../tmp/x"));
        assertThrows(IllegalArgumentException.class, () -> udev.installHotplugHook(null));
    }
}
