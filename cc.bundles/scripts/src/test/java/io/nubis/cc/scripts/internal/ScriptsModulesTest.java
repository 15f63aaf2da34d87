package io.nubis.cc.scripts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.api.exec.Command;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class ScriptsModulesTest {
    @TempDir
    Path dir;

    private static final String INST = "/var/lib/cloud/instances/i-1/scripts";

    private TestModuleContext ctx(String name, TempTarget t, RecordingRunner r, String yaml) {
        return TestModuleContext.builder(name).instanceId("i-1").config(yaml).target(t).runner(r).build();
    }

    @Test
    void runsExecutablesInSortedOrderAndSkipsTheRest() throws Exception {
        TempTarget t = TempTarget.in(dir)
                .file(INST + "/runcmd", "#!/bin/sh\necho hi\n", 0700)
                .file(INST + "/part-001", "#!/bin/sh\n", 0755)
                .file(INST + "/10-first", "#!/bin/sh\n", 0500)
                .file(INST + "/bootcmd", "#!/bin/sh\n", 0600)
                .file(INST + "/README", "not a script\n", 0644)
                .dir(INST + "/vendor");
        RecordingRunner r = new RecordingRunner(t).onOutput(INST + "/runcmd", "hi\nthere\n");
        TestModuleContext c = ctx("scripts_user", t, r, "{}");
        new ScriptsUserModule().run(c);
        assertEquals(List.of(INST + "/10-first", INST + "/part-001", INST + "/runcmd"), r.commandLines());
        assertEquals(List.of("hi", "there"), c.consoleLines());
        Command first = r.commands().get(0);
        assertEquals(RunParts.TIMEOUT, first.timeout());
    }

    @Test
    void aFailingScriptIsReportedAfterTheOthersRan() throws Exception {
        String d = "/var/lib/cloud/scripts/per-boot";
        TempTarget t = TempTarget.in(dir).executable(d + "/a", d + "/b", d + "/c", d + "/d");
        RecordingRunner r = new RecordingRunner(t)
                .on(Pattern.compile("/b$"), RecordingRunner.result(3, "partial\n", "boom\n"))
                .on(Pattern.compile("/d$"), RecordingRunner.result(1, "", ""));
        TestModuleContext c = ctx("scripts_per_boot", t, r, "{}");
        ModuleException e = assertThrows(ModuleException.class, () -> new ScriptsPerBootModule().run(c));
        assertEquals("Runparts: 2 failures (b,d) in 4 attempted commands", e.getMessage());
        assertEquals(List.of(d + "/a", d + "/b", d + "/c", d + "/d"), r.commandLines());
        assertEquals(List.of("partial", "boom"), c.consoleLines());
    }

    @Test
    void eachModuleRunsItsOwnDirectory() throws Exception {
        String base = "/var/lib/cloud/scripts/";
        TempTarget t = TempTarget.in(dir).executable(base + "per-boot/x", base + "per-instance/y", base + "per-once/z",
                INST + "/u", INST + "/vendor/v");
        RecordingRunner r = new RecordingRunner(t);
        List<ConfigModule> modules = List.of(new ScriptsPerBootModule(), new ScriptsPerInstanceModule(),
                new ScriptsPerOnceModule(), new ScriptsUserModule(), new ScriptsVendorModule());
        for (ConfigModule m : modules) {
            m.run(ctx("scripts", t, r, "{}"));
        }
        assertEquals(List.of(base + "per-boot/x", base + "per-instance/y", base + "per-once/z", INST + "/u",
                INST + "/vendor/v"), r.commandLines());
    }

    @Test
    void missingDirectoryIsNoWork() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new ScriptsPerOnceModule().run(ctx("scripts_per_once", t, r, "{}"));
        new ScriptsUserModule().run(ctx("scripts_user", t, r, "{}"));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void vendorScriptsRunBehindThePrefix() throws Exception {
        TempTarget t = TempTarget.in(dir).executable(INST + "/vendor/setup");
        RecordingRunner r = new RecordingRunner(t);
        new ScriptsVendorModule().run(ctx("scripts_vendor", t, r, "vendor_data: {prefix: [/usr/bin/ltrace, -c]}\n"));
        new ScriptsVendorModule().run(ctx("scripts_vendor", t, r, "vendor_data: {prefix: /usr/bin/strace}\n"));
        new ScriptsVendorModule().run(ctx("scripts_vendor", t, r, "vendor_data: {enabled: true}\n"));
        assertEquals(List.of("/usr/bin/ltrace -c " + INST + "/vendor/setup", "/usr/bin/strace " + INST + "/vendor/setup",
                INST + "/vendor/setup"), r.commandLines());
    }

    @Test
    void badPrefixNamesTheKey() {
        TempTarget t = TempTarget.in(dir).executable(INST + "/vendor/setup");
        RecordingRunner r = new RecordingRunner(t);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ScriptsVendorModule().run(ctx("scripts_vendor", t, r, "vendor_data: {prefix: {a: b}}\n")));
        assertEquals("vendor_data.prefix", e.keyPath());
        e = assertThrows(ConfigException.class,
                () -> new ScriptsVendorModule().run(ctx("scripts_vendor", t, r, "vendor_data: {prefix: [[x]]}\n")));
        assertEquals("vendor_data.prefix[0]", e.keyPath());
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void symlinkedScriptsResolveInsideTheRoot() throws Exception {
        String d = "/var/lib/cloud/scripts/per-instance";
        TempTarget t = TempTarget.in(dir).executable("/opt/tool/run.sh").link(d + "/run", "/opt/tool/run.sh")
                .link(d + "/dangling", "/nowhere");
        RecordingRunner r = new RecordingRunner(t);
        new ScriptsPerInstanceModule().run(ctx("scripts_per_instance", t, r, "{}"));
        assertEquals(List.of(d + "/run"), r.commandLines());
    }
}
