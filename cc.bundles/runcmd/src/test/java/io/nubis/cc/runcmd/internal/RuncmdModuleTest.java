package io.nubis.cc.runcmd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class RuncmdModuleTest {
    @TempDir
    Path dir;

    private static final String PATH = "/var/lib/cloud/instances/i-abc/scripts/runcmd";

    @Test
    void writesTheShellifiedScript() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(t);
        new RuncmdModule().run(TestModuleContext.builder("runcmd").instanceId("i-abc")
                .config("runcmd:\n  - [ls, -l, /]\n  - [sh, -xc, \"echo $(date) ' '\"]\n  - echo 'hi' >> /tmp/x\n")
                .target(t).runner(runner).build());
        assertEquals("#!/bin/sh\n'ls' '-l' '/'\n'sh' '-xc' 'echo $(date) '\\'' '\\'''\necho 'hi' >> /tmp/x\n", t.text(PATH));
        assertEquals(0700, t.mode(PATH));
        assertEquals(List.of(), runner.commandLines(), "runcmd only writes the script");
    }

    @Test
    void cloudDirFromSystemInfoAndSlashInInstanceId() throws Exception {
        TempTarget t = TempTarget.in(dir);
        new RuncmdModule().run(TestModuleContext.builder("runcmd").instanceId("a/b")
                .config("system_info: {paths: {cloud_dir: /srv/cloud/}}\nruncmd: ['true']\n").target(t).build());
        assertEquals("#!/bin/sh\ntrue\n", t.text("/srv/cloud/instances/a_b/scripts/runcmd"));
    }

    @Test
    void withoutTheKeyNothingIsWritten() throws Exception {
        TempTarget t = TempTarget.in(dir);
        new RuncmdModule().run(TestModuleContext.builder("runcmd").instanceId("i-abc").config("bootcmd: [x]\n").target(t).build());
        assertFalse(t.exists("/var/lib/cloud"));
    }

    @Test
    void badValueNamesTheKeyAndWritesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir);
        ModuleException e = assertThrows(ModuleException.class, () -> new RuncmdModule().run(TestModuleContext
                .builder("runcmd").instanceId("i-abc").config("runcmd: {a: b}\n").target(t).build()));
        assertTrue(e.getMessage().startsWith("runcmd: "), e.getMessage());
        e = assertThrows(ModuleException.class, () -> new RuncmdModule().run(TestModuleContext
                .builder("runcmd").instanceId("i-abc").config("runcmd:\n  - ls\n  - 42\n").target(t).build()));
        assertTrue(e.getMessage().startsWith("runcmd[1]: "), e.getMessage());
        assertFalse(t.exists(PATH));
    }

    @Test
    void runningTwiceInUpdateModeChangesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner runner = new RecordingRunner(t);
        TestModuleContext c = TestModuleContext.builder("runcmd").instanceId("i-abc").updateMode(true)
                .config("runcmd:\n  - [echo, one]\n  - echo two\n").target(t).runner(runner).build();
        new RuncmdModule().run(c);
        Path host = t.host(PATH);
        Files.setLastModifiedTime(host, FileTime.fromMillis(1_000_000L));
        String first = t.text(PATH);
        new RuncmdModule().run(c);
        assertEquals(first, t.text(PATH));
        assertEquals(0700, t.mode(PATH));
        assertEquals(FileTime.fromMillis(1_000_000L), Files.getLastModifiedTime(host), "an unchanged script is not rewritten");
        assertEquals(List.of(), runner.commandLines());
    }
}
