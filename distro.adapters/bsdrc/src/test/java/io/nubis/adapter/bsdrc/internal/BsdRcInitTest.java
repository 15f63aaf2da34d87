package io.nubis.adapter.bsdrc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.exec.Command;

class BsdRcInitTest {
    private final BsdRcInit init = new BsdRcInit();

    @Test
    void runtimeActionsUseTheOneForms() {
        assertEquals(Command.of("service", "sshd", "onestart"), init.start("sshd"));
        assertEquals(Command.of("service", "sshd", "onestop"), init.stop("sshd"));
        assertEquals(Command.of("service", "sshd", "onerestart"), init.restart("sshd"));
        assertEquals(Command.of("service", "sshd", "onerestart"), init.reload("sshd"));
        assertEquals(Command.of("service", "ntpd", "onestatus"), init.isActive("ntpd"));
    }

    @Test
    void enableWritesTheRcVariable() {
        assertEquals(Command.of("sysrc", "sshd_enable=YES"), init.enable("sshd"));
        assertEquals(Command.of("sysrc", "ntpd_enable=NO"), init.disable("ntpd"));
        assertEquals(Command.of("sysrc", "qemu_guest_agent_enable=YES"), init.enable("qemu-guest-agent"));
    }

    @Test
    void powerStateUsesShutdown() {
        assertEquals(List.of("shutdown", "-p", "now"), init.powerState("poweroff", "now", "").argv());
        assertEquals(List.of("shutdown", "-r", "+1", "rebooting"), init.powerState("reboot", "1", "rebooting").argv());
        assertEquals(List.of("shutdown", "-h", "+10"), init.powerState("halt", "+10", null).argv());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> init.start("a\\b"));
        assertThrows(IllegalArgumentException.class, () -> init.powerState("off", "now", ""));
        assertThrows(IllegalArgumentException.class, () -> init.powerState("halt", "later", ""));
        assertThrows(IllegalArgumentException.class, () -> init.enable("x=1 y"));
        assertThrows(IllegalArgumentException.class, () -> init.start("-f"));
    }
}
