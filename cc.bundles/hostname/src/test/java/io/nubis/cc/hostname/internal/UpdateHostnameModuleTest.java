package io.nubis.cc.hostname.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class UpdateHostnameModuleTest {
    @TempDir
    Path dir;

    private static final String PREV = "/var/lib/cloud/data/previous-hostname";

    private TestModuleContext ctx(String distro, String yaml, String local, TempTarget t, RecordingRunner r) {
        return TestModuleContext.builder("update_hostname").config(Distros.config(distro, yaml))
                .instanceData(Distros.metadata(local)).target(t).runner(r).build();
    }

    @Test
    void firstBootRecordsThePreviousHostnameOnly() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "web1\n");
        RecordingRunner r = new RecordingRunner(t);
        new UpdateHostnameModule().run(ctx("debian", "{}", "web1.example.com", t, r));
        assertEquals("web1\n", t.text(PREV));
        assertEquals("web1\n", t.text("/etc/hostname"));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void aNewNameFromMetadataIsWrittenAndApplied() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "web1\n").file(PREV, "web1\n");
        RecordingRunner r = new RecordingRunner(t);
        new UpdateHostnameModule().run(ctx("alpine", "{}", "web2.example.com", t, r));
        assertEquals("web2\n", t.text(PREV));
        assertEquals("web2\n", t.text("/etc/hostname"));
        assertEquals(List.of("hostname web2"), r.commandLines());
    }

    @Test
    void aNameChangedByTheUserIsKept() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "mine\n").file(PREV, "web1\n");
        RecordingRunner r = new RecordingRunner(t);
        new UpdateHostnameModule().run(ctx("debian", "{}", "web2.example.com", t, r));
        assertEquals("mine\n", t.text("/etc/hostname"));
        assertEquals("web1\n", t.text(PREV));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void missingSystemNameIsCreated() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new UpdateHostnameModule().run(ctx("ubuntu", "{}", "web1.example.com", t, r));
        assertEquals("web1\n", t.text("/etc/hostname"));
        assertEquals("web1\n", t.text(PREV));
        assertEquals(List.of("hostname web1"), r.commandLines());
    }

    @Test
    void freebsdUpdatesRcConfWithTheFqdn() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "hostname=\"web1.example.com\"\nsshd_enable=\"YES\"\n")
                .file(PREV, "web1.example.com\n");
        RecordingRunner r = new RecordingRunner(t);
        new UpdateHostnameModule().run(ctx("freebsd", "{}", "web2.example.com", t, r));
        assertEquals("hostname=web2.example.com\nsshd_enable=\"YES\"\n", t.text("/etc/rc.conf"));
        assertEquals("web2.example.com\n", t.text(PREV));
        assertEquals(List.of("hostname web2.example.com"), r.commandLines());
    }

    @Test
    void suseReadsTheRunningNameAndUsesHostnamectl() throws Exception {
        TempTarget t = TempTarget.in(dir).file(PREV, "web1\n");
        RecordingRunner r = new RecordingRunner(t).onOutput("hostname", "web1\n");
        new UpdateHostnameModule().run(ctx("suse", "{}", "web2.example.com", t, r));
        assertEquals(List.of("hostname", "hostnamectl set-hostname web2", "hostname web2"), r.commandLines());
        assertEquals("web2\n", t.text(PREV));
    }

    @Test
    void preserveHostnameDoesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new UpdateHostnameModule().run(ctx("debian", "preserve_hostname: true\n", "web1.example.com", t, r));
        assertFalse(t.exists(PREV));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void runningTwiceInUpdateModeChangesNothing() throws Exception {
        for (String distro : List.of("debian", "ubuntu", "suse", "alpine", "freebsd")) {
            Path root = dir.resolve(distro);
            Files.createDirectories(root);
            TempTarget t = TempTarget.in(root).file("/etc/rc.conf", "sshd_enable=\"YES\"\n");
            RecordingRunner r = new RecordingRunner(t).onOutput("hostname", "web1\n");
            TestModuleContext c = TestModuleContext.builder("update_hostname").config(Distros.config(distro, "{}"))
                    .instanceData(Distros.metadata("web1.example.com")).target(t).runner(r).updateMode(true).build();
            new UpdateHostnameModule().run(c);
            Map<String, String> first = TreeSnapshot.of(root);
            r.clear();
            new UpdateHostnameModule().run(c);
            assertEquals(first, TreeSnapshot.of(root), distro);
            assertEquals(List.of(), r.commandLines().stream().filter(l -> !l.equals("hostname")).toList(),
                    distro + ": only queries on the second run");
        }
    }
}
