package io.nubis.adapter.devd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.Command;
import io.nubis.api.target.FileAttributes;

class DevdDevicesTest {
    private static final Command RESTART = Command.of("service", "devd", "restart");
    private final DevdDevices devd = new DevdDevices();

    @Test
    void installWritesANotifyBlockAndRestartsDevd() {
        assertEquals(List.of(new Step.Write("/usr/local/etc/devd/nubis.conf",
                "# Installed by Nubis for network hotplug\n"
                        + "notify 10 {\n"
                        + "\tmatch \"system\"\t\t\"IFNET\";\n"
                        + "\tmatch \"type\"\t\t\"ATTACH\";\n"
                        + "\taction \"/etc/pccard_ether $subsystem start; "
                        + "ACTION=add SUBSYSTEM=net INTERFACE=$subsystem /usr/local/libexec/nubis/hook-hotplug\";\n"
                        + "};\n", FileAttributes.mode(0644)), new Step.Run(RESTART)),
                devd.installHotplugHook("/usr/local/libexec/nubis/hook-hotplug"));
    }

    @Test
    void removeDeletesTheBlock() {
        assertEquals(List.of(new Step.Delete("/usr/local/etc/devd/nubis.conf"), new Step.Run(RESTART)),
                devd.removeHotplugHook());
    }

    @Test
    void settleAndReload() {
        assertEquals(Command.of("true"), devd.settle());
        assertEquals(RESTART, devd.reloadRules());
    }

    @Test
    void hooksThatWouldBreakTheActionStringAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> devd.installHotplugHook("/x\"; action \"/bin/sh"));
        assertThrows(IllegalArgumentException.class, () -> devd.installHotplugHook("/x$y"));
    }
}
