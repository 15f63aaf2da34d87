package io.nubis.cc.misc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.bsdrc.internal.BsdRcInit;
import io.nubis.adapter.openrc.internal.OpenRcInit;
import io.nubis.adapter.systemd.internal.SystemdInit;
import io.nubis.api.config.ConfigException;
import io.nubis.api.distro.InitSystem;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class PowerStateChangeModuleTest {
    @TempDir
    Path dir;

    private RecordingRunner run(InitSystem init, String yaml) throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PowerStateChangeModule(false, 4242).run(TestModuleContext.builder("power_state_change").config(yaml)
                .target(t).runner(r).initSystem(init).build());
        return r;
    }

    private static String expected(String condition, String exec) {
        return "(\n  trap '' HUP\n  n=0\n"
                + "  while [ \"$n\" -lt 30 ] && kill -0 4242 2>/dev/null; do sleep 1; n=$((n+1)); done\n"
                + "  " + condition + " || exit 0\n  exec " + exec + "\n) </dev/null >/dev/null 2>&1 &\n";
    }

    @Test
    void systemdRebootWithMessageAndCommandCondition() throws Exception {
        RecordingRunner r = run(new SystemdInit(),
                "power_state: {mode: reboot, delay: '+5', message: \"it's time\", condition: 'test -f /run/go'}\n");
        assertEquals(1, r.commands().size());
        assertEquals(List.of("sh", "-c", expected("sh -c 'test -f /run/go'", "'shutdown' '-r' '+5' 'it'\\''s time'")),
                r.commands().get(0).argv());
    }

    @Test
    void openrcAndBsdrcCommands() throws Exception {
        assertEquals(expected("true", "'poweroff' '-d' '120'"),
                run(new OpenRcInit(), "power_state: {mode: poweroff, delay: 2}\n").commands().get(0).argv().get(2));
        assertEquals(expected("'[' '-e' '/x' ']'", "'shutdown' '-h' 'now'"),
                run(new BsdRcInit(), "power_state: {mode: halt, condition: ['[', -e, /x, ']']}\n").commands().get(0).argv().get(2));
    }

    @Test
    void timeoutIsRoundedUp() throws Exception {
        String script = run(new SystemdInit(), "power_state: {mode: poweroff, timeout: 2.5}\n").commands().get(0).argv().get(2);
        assertTrue(script.contains("-lt 3 ]"), script);
    }

    @Test
    void falseConditionDoesNothing() throws Exception {
        assertEquals(List.of(), run(new SystemdInit(), "power_state: {mode: reboot, condition: false}\n").commandLines());
    }

    @Test
    void badInputNamesTheKey() {
        assertEquals("power_state.mode", assertThrows(ConfigException.class,
                () -> run(new SystemdInit(), "power_state: {mode: explode}\n")).keyPath());
        assertEquals("power_state.mode", assertThrows(ConfigException.class,
                () -> run(new SystemdInit(), "power_state: {delay: now}\n")).keyPath());
        assertEquals("power_state.delay", assertThrows(ConfigException.class,
                () -> run(new SystemdInit(), "power_state: {mode: reboot, delay: 'soon; rm -rf /'}\n")).keyPath());
        assertEquals("power_state.timeout", assertThrows(ConfigException.class,
                () -> run(new SystemdInit(), "power_state: {mode: reboot, timeout: abc}\n")).keyPath());
        assertEquals("power_state.condition", assertThrows(ConfigException.class,
                () -> run(new SystemdInit(), "power_state: {mode: reboot, condition: {a: 1}}\n")).keyPath());
        assertEquals("power_state", assertThrows(ConfigException.class,
                () -> run(new SystemdInit(), "power_state: reboot\n")).keyPath());
    }

    @Test
    void imageRootsAreNeverPoweredOff() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new PowerStateChangeModule().run(TestModuleContext.builder("power_state_change")
                .config("power_state: {mode: poweroff}\n").target(t).runner(r).initSystem(new SystemdInit()).build());
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void theScriptRunsTheCommandAfterThePidIsGone() throws Exception {
        Path marker = dir.resolve("done");
        String script = PowerStateChangeModule.script(999_999_999L, 5, "true", List.of("touch", marker.toString()));
        Process p = new ProcessBuilder("sh", "-c", script).start();
        assertEquals(0, p.waitFor());
        for (int i = 0; i < 50 && !marker.toFile().exists(); i++) {
            Thread.sleep(100);
        }
        assertTrue(marker.toFile().exists());
    }
}
