package io.nubis.adapter.systemd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.exec.Command;

class SystemdInitTest {
    private final SystemdInit init = new SystemdInit();

    @Test
    void serviceVerbsUseSystemctl() {
        assertEquals(List.of("systemctl", "start", "ssh"), init.start("ssh").argv());
        assertEquals(List.of("systemctl", "stop", "ssh"), init.stop("ssh").argv());
        assertEquals(List.of("systemctl", "restart", "ssh"), init.restart("ssh").argv());
        assertEquals(List.of("systemctl", "reload-or-restart", "ssh"), init.reload("ssh").argv());
        assertEquals(List.of("systemctl", "enable", "chrony.service"), init.enable("chrony.service").argv());
        assertEquals(List.of("systemctl", "disable", "systemd-timesyncd"), init.disable("systemd-timesyncd").argv());
        assertEquals(List.of("systemctl", "is-active", "--quiet", "getty@tty1"), init.isActive("getty@tty1").argv());
        assertEquals(List.of("systemctl", "restart", "systemd-fsck@dev-disk-by\\x2dlabel-root.service"),
                init.restart("systemd-fsck@dev-disk-by\\x2dlabel-root.service").argv());
    }

    @Test
    void commandsHaveNoEnvNoStdinAndAreNotSensitive() {
        Command c = init.restart("ssh");
        assertEquals(Command.of("systemctl", "restart", "ssh"), c);
    }

    @Test
    void powerStateMapsModesToShutdownFlags() {
        assertEquals(List.of("shutdown", "-P", "now"), init.powerState("poweroff", "now", "").argv());
        assertEquals(List.of("shutdown", "-r", "+5", "bye"), init.powerState("reboot", "+5", "bye").argv());
        assertEquals(List.of("shutdown", "-H", "+3"), init.powerState("halt", "3", null).argv());
    }

    @Test
    void badPowerStateInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> init.powerState("suspend", "now", ""));
        assertThrows(IllegalArgumentException.class, () -> init.powerState("reboot", "soon", ""));
        assertThrows(IllegalArgumentException.class, () -> init.powerState("reboot", "+1;reboot", ""));
    }

    @Test
    void serviceNamesThatLookLikeOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> init.start("--now"));
        assertThrows(IllegalArgumentException.class, () -> init.start("ssh sshd"));
        assertThrows(IllegalArgumentException.class, () -> init.start(""));
        assertThrows(IllegalArgumentException.class, () -> init.start(null));
    }
}
