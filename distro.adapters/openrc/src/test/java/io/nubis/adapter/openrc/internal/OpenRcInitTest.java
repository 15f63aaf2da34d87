package io.nubis.adapter.openrc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.nubis.api.exec.Command;

class OpenRcInitTest {
    private final OpenRcInit init = new OpenRcInit();

    @Test
    void serviceVerbsUseRcService() {
        assertEquals(List.of("rc-service", "--nocolor", "sshd", "start"), init.start("sshd").argv());
        assertEquals(List.of("rc-service", "--nocolor", "sshd", "stop"), init.stop("sshd").argv());
        assertEquals(List.of("rc-service", "--nocolor", "sshd", "restart"), init.restart("sshd").argv());
        assertEquals(List.of("rc-service", "--nocolor", "sshd", "restart"), init.reload("sshd").argv());
        assertEquals(List.of("rc-service", "--nocolor", "chronyd", "status"), init.isActive("chronyd").argv());
    }

    @Test
    void enableAndDisableUseTheDefaultRunlevel() {
        assertEquals(Command.of("rc-update", "--nocolor", "add", "crond", "default"), init.enable("crond"));
        assertEquals(Command.of("rc-update", "--nocolor", "del", "crond", "default"), init.disable("crond"));
    }

    @Test
    void powerStateUsesBusyboxCommandsWithSeconds() {
        assertEquals(List.of("poweroff", "-d", "0"), init.powerState("poweroff", "now", "bye").argv());
        assertEquals(List.of("reboot", "-d", "300"), init.powerState("reboot", "+5", "").argv());
        assertEquals(List.of("halt", "-d", "120"), init.powerState("halt", "2", null).argv());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> init.start("a\\b"));
        assertThrows(IllegalArgumentException.class, () -> init.powerState("shutdown", "now", ""));
        assertThrows(IllegalArgumentException.class, () -> init.powerState("reboot", "-5", ""));
        assertThrows(IllegalArgumentException.class, () -> init.enable("-a"));
        assertThrows(IllegalArgumentException.class, () -> init.start("a\nb"));
    }
}
