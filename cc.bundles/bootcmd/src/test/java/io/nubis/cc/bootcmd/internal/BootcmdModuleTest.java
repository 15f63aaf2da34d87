package io.nubis.cc.bootcmd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class BootcmdModuleTest {
    @TempDir
    Path dir;

    @Test
    void writesTheScriptAndRunsItWithTheInstanceId() throws Exception {
        TempTarget target = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(target).onOutput("/bin/sh", "hello\nworld\n");
        TestModuleContext ctx = TestModuleContext.builder("bootcmd")
                .config("bootcmd:\n  - echo hello >> /etc/motd\n  - [mkdir, -p, \"/srv/it's\"]\n")
                .instanceId("i-abc/1").target(target).runner(runner).build();
        new BootcmdModule().run(ctx);

        String script = "/var/lib/cloud/instances/i-abc_1/scripts/bootcmd";
        assertEquals("#!/bin/sh\necho hello >> /etc/motd\n'mkdir' '-p' '/srv/it'\\''s'\n", target.text(script));
        assertEquals(0600, target.mode(script));
        assertEquals(List.of("/bin/sh " + script), runner.commandLines());
        Command c = runner.commands().get(0);
        assertEquals(Map.of("INSTANCE_ID", "i-abc/1"), c.env());
        assertEquals(List.of("hello", "world"), ctx.consoleLines());
    }

    @Test
    void cloudDirComesFromSystemInfoPaths() throws Exception {
        TempTarget target = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(target);
        TestModuleContext ctx = TestModuleContext.builder("bootcmd")
                .config("bootcmd: [\"true\"]\nsystem_info:\n  paths:\n    cloud_dir: /srv/cloud/\n")
                .target(target).runner(runner).build();
        new BootcmdModule().run(ctx);
        assertEquals(List.of("/bin/sh /srv/cloud/instances/iid-test/scripts/bootcmd"), runner.commandLines());
        assertTrue(target.exists("/srv/cloud/instances/iid-test/scripts/bootcmd"));
    }

    @Test
    void aFailingScriptFailsTheModuleAfterShowingItsOutput() {
        TempTarget target = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(target).onFailure("/bin/sh", 3, "mkfs: no such device\n");
        TestModuleContext ctx = TestModuleContext.builder("bootcmd").config("bootcmd: [mkfs /dev/vdz]\n")
                .target(target).runner(runner).build();
        ModuleException e = assertThrows(ModuleException.class, () -> new BootcmdModule().run(ctx));
        assertTrue(e.getMessage().startsWith("Failed to run bootcmd module bootcmd: command [/bin/sh "), e.getMessage());
        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertEquals(List.of("mkfs: no such device"), ctx.consoleLines());
    }

    @Test
    void withoutTheKeyNothingHappens() throws Exception {
        TempTarget target = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(target);
        new BootcmdModule().run(TestModuleContext.builder("bootcmd").config("runcmd: [ls]\n").target(target)
                .runner(runner).build());
        assertEquals(List.of(), runner.commandLines());
        assertFalse(target.exists("/var/lib/cloud/instances/iid-test/scripts/bootcmd"));
    }

    @Test
    void aMappingIsRejectedNamingTheKey() {
        TempTarget target = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(target);
        ModuleException e = assertThrows(ModuleException.class, () -> new BootcmdModule().run(
                TestModuleContext.builder("bootcmd").config("bootcmd: {a: b}\n").target(target).runner(runner).build()));
        assertEquals("bootcmd: expected a list of commands, got a mapping", e.getMessage());
        assertEquals(List.of(), runner.commandLines());
    }

    @Test
    void componentMetadataDeclaresTheModule() throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/io.nubis.cc.bootcmd.internal.BootcmdModule.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("name=\"nubis.module\" type=\"String\" value=\"bootcmd\""), xml);
        assertTrue(xml.contains("name=\"stage\" type=\"String\" value=\"network\""), xml);
        assertTrue(xml.contains("name=\"frequency\" type=\"String\" value=\"always\""), xml);
        assertTrue(xml.contains("name=\"schema\" type=\"String\" value=\"schema/bootcmd.json\""), xml);
        // it runs the user's commands, which may touch anything: it declares no resources and runs alone
        assertFalse(xml.contains("name=\"touches\""), xml);
        try (InputStream in = getClass().getResourceAsStream("/schema/bootcmd.json")) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"bootcmd\""));
        }
    }
}
