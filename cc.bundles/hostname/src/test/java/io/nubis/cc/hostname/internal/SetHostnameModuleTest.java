package io.nubis.cc.hostname.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class SetHostnameModuleTest {
    @TempDir
    Path dir;

    private static final String RECORD = "/var/lib/cloud/data/set-hostname";

    private TestModuleContext ctx(String distro, String yaml, Map<String, ?> data, TempTarget t, RecordingRunner r) {
        return TestModuleContext.builder("set_hostname").config(Distros.config(distro, yaml)).instanceData(data)
                .target(t).runner(r).build();
    }

    @Test
    void debianWritesEtcHostnameFromMetadata() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("debian", "{}", Distros.metadata("web1.example.com"), t, r));
        assertEquals("web1\n", t.text("/etc/hostname"));
        assertEquals(0644, t.mode("/etc/hostname"));
        assertEquals(List.of("hostname web1"), r.commandLines());
        assertEquals("{\n \"fqdn\": \"web1.example.com\",\n \"hostname\": \"web1\"\n}\n", t.text(RECORD));
    }

    @Test
    void alpineKeepsCommentsOfTheHostnameFile() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hostname", "# managed\nlocalhost # default\n\n");
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("alpine", "hostname: box\nfqdn: box.lan\n", Map.of(), t, r));
        assertEquals("# managed\nbox# default\n\n", t.text("/etc/hostname"));
        assertEquals(List.of("hostname box"), r.commandLines());
    }

    @Test
    void freebsdWritesTheFqdnIntoRcConf() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "sshd_enable=\"YES\"\nhostname=\"old\"\nifconfig_vtnet0=\"DHCP\"\n");
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("freebsd", "{}", Distros.metadata("web1.example.com"), t, r));
        assertEquals("sshd_enable=\"YES\"\nhostname=web1.example.com\nifconfig_vtnet0=\"DHCP\"\n", t.text("/etc/rc.conf"));
        assertEquals(List.of("hostname web1.example.com"), r.commandLines());
        assertFalse(t.exists("/etc/hostname"));
    }

    @Test
    void freebsdHonoursPreferFqdnFalse() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/rc.conf", "sshd_enable=\"YES\"");
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("freebsd", "prefer_fqdn_over_hostname: false\n", Distros.metadata("web1.example.com"), t, r));
        assertEquals("sshd_enable=\"YES\"\nhostname=web1\n", t.text("/etc/rc.conf"));
    }

    @Test
    void suseUsesHostnamectl() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("suse", "fqdn: node7.cluster.local\n", Map.of(), t, r));
        assertEquals(List.of("hostnamectl set-hostname node7", "hostname node7"), r.commandLines());
        assertFalse(t.exists("/etc/hostname"), "hostnamectl writes the file itself");
        r.clear();
        t.delete(RECORD);
        new SetHostnameModule().run(ctx("suse", "fqdn: node7.cluster.local\ncreate_hostname_file: false\n", Map.of(), t, r));
        assertEquals(List.of("hostnamectl set-hostname --transient node7", "hostname node7"), r.commandLines());
    }

    @Test
    void preferFqdnAndDottedHostname() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("ubuntu", "hostname: db.internal.example\nprefer_fqdn_over_hostname: true\n",
                Distros.metadata("ignored.example.com"), t, r));
        assertEquals("db.internal.example\n", t.text("/etc/hostname"));
        assertEquals("{\n \"fqdn\": \"db.internal.example\",\n \"hostname\": \"db\"\n}\n", t.text(RECORD));
    }

    @Test
    void hostnameKeyWithMetadataDomain() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("debian", "hostname: custom\n", Distros.metadata("meta.example.org"), t, r));
        assertEquals("custom\n", t.text("/etc/hostname"));
        assertEquals("{\n \"fqdn\": \"meta.example.org\",\n \"hostname\": \"custom\"\n}\n", t.text(RECORD));
    }

    @Test
    void ipv4LocalHostnameBecomesIpName() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("debian", "{}", Distros.metadata("10.1.2.3"), t, r));
        assertEquals("ip-10-1-2-3\n", t.text("/etc/hostname"));
    }

    @Test
    void withoutMetadataTheCurrentNameAndEtcHostsAreUsed() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 myhost.corp.example myhost\n");
        RecordingRunner r = new RecordingRunner(t).onOutput("hostname", "myhost\n");
        new SetHostnameModule().run(ctx("debian", "{}", Map.of(), t, r));
        assertEquals("{\n \"fqdn\": \"myhost.corp.example\",\n \"hostname\": \"myhost\"\n}\n", t.text(RECORD));
        assertEquals(List.of("hostname", "hostname myhost"), r.commandLines());
    }

    @Test
    void madeUpLocalhostIsLeftToOtherServices() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("debian", "{}", Map.of(), t, r));
        assertEquals(List.of("hostname"), r.commandLines(), "only the query");
        assertFalse(t.exists("/etc/hostname"));
        assertFalse(t.exists(RECORD));
    }

    @Test
    void preserveHostnameDoesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("debian", "preserve_hostname: true\nhostname: x\n", Map.of(), t, r));
        assertEquals(List.of(), r.commandLines());
        assertFalse(t.exists("/etc/hostname"));
    }

    @Test
    void createHostnameFileFalseDoesNotCreateIt() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        new SetHostnameModule().run(ctx("debian", "hostname: h1\ncreate_hostname_file: false\n", Map.of(), t, r));
        assertFalse(t.exists("/etc/hostname"));
        assertEquals(List.of("hostname", "hostname h1"), r.commandLines(), "the query for the domain, then the change");
    }

    @Test
    void invalidNamesAreRejectedNamingTheKey() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = assertThrows(ModuleException.class,
                () -> new SetHostnameModule().run(ctx("debian", "hostname: 'bad name!'\n", Map.of(), t, r)));
        assertTrue(e.getMessage().startsWith("hostname: 'bad name!' is not a valid host name"), e.getMessage());
        e = assertThrows(ModuleException.class,
                () -> new SetHostnameModule().run(ctx("debian", "fqdn: \"a..b\"\n", Map.of(), t, r)));
        assertTrue(e.getMessage().startsWith("fqdn: 'a..b' is not a valid host name (empty label"), e.getMessage());
        e = assertThrows(ModuleException.class,
                () -> new SetHostnameModule().run(ctx("debian", "{}", Distros.metadata("-x.example.com"), t, r)));
        assertTrue(e.getMessage().startsWith("metadata local-hostname: '-x.example.com'"), e.getMessage());
        e = assertThrows(ModuleException.class,
                () -> new SetHostnameModule().run(ctx("debian", "hostname: \"evil\\nhost\"\n", Map.of(), t, r)));
        assertTrue(e.getMessage().startsWith("hostname: "), e.getMessage());
        ConfigException ce = assertThrows(ConfigException.class,
                () -> new SetHostnameModule().run(ctx("debian", "hostname: [a, b]\n", Map.of(), t, r)));
        assertEquals("hostname", ce.keyPath());
        e = assertThrows(ModuleException.class, () -> new SetHostnameModule().run(TestModuleContext.builder("set_hostname")
                .config("hostname: h\nsystem_info: {hostname_conf: {format: xml}}\n").target(t).runner(r).build()));
        assertTrue(e.getMessage().startsWith("system_info.hostname_conf.format: unknown format 'xml'"), e.getMessage());
        assertEquals(List.of(), r.commandLines());
        assertFalse(t.exists("/etc/hostname"));
    }

    @Test
    void runningTwiceInUpdateModeChangesNothing() throws Exception {
        for (String distro : List.of("debian", "ubuntu", "suse", "alpine", "freebsd")) {
            Path root = dir.resolve(distro);
            java.nio.file.Files.createDirectories(root);
            TempTarget t = TempTarget.in(root).file("/etc/rc.conf", "sshd_enable=\"YES\"\n");
            RecordingRunner r = new RecordingRunner(t);
            TestModuleContext c = TestModuleContext.builder("set_hostname").config(Distros.config(distro, "{}"))
                    .instanceData(Distros.metadata("web1.example.com")).target(t).runner(r).updateMode(true).build();
            new SetHostnameModule().run(c);
            Map<String, String> first = TreeSnapshot.of(root);
            r.clear();
            new SetHostnameModule().run(c);
            assertEquals(first, TreeSnapshot.of(root), distro);
            assertEquals(List.of(), r.commandLines(), distro);
        }
    }
}
