package io.nubis.cc.hostname.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class UpdateEtcHostsModuleTest {
    @TempDir
    Path dir;

    private static final String HEADER = "# This file is generated from the hosts.%s.tmpl template at every boot,\n"
            + "# because 'manage_etc_hosts' is true. Edit the template (see above), or\n"
            + "# remove 'manage_etc_hosts' from the cloud-config, to keep your changes.\n#\n";

    private void run(String distro, String yaml, TempTarget t) throws ModuleException {
        new UpdateEtcHostsModule().run(TestModuleContext.builder("update_etc_hosts").config(Distros.config(distro, yaml))
                .instanceData(Distros.metadata("web1.example.com")).target(t).runner(new RecordingRunner(t)).build());
    }

    @Test
    void debianAndUbuntuTemplate() throws Exception {
        for (String distro : List.of("debian", "ubuntu")) {
            TempTarget t = TempTarget.in(Files.createDirectories(dir.resolve(distro)));
            run(distro, "manage_etc_hosts: true\n", t);
            assertEquals(String.format(HEADER, "debian") + "127.0.1.1 web1.example.com web1\n127.0.0.1 localhost\n\n"
                    + "# IPv6 entries\n::1 localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n",
                    t.text("/etc/hosts"), distro);
            assertEquals(0644, t.mode("/etc/hosts"));
        }
    }

    @Test
    void suseAlpineAndFreebsdTemplates() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "suse", List.of("127.0.1.1 web1.example.com web1", "::1 web1.example.com web1", "ff02::3 ipv6-allhosts"),
                "alpine", List.of("127.0.0.1 localhost.localdomain localhost", "127.0.1.1 web1.example.com web1"),
                "freebsd", List.of("::1 web1.example.com web1", "127.0.0.1 web1.example.com web1"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            TempTarget t = TempTarget.in(Files.createDirectories(dir.resolve(e.getKey())));
            run(e.getKey(), "manage_etc_hosts: template\n", t);
            String hosts = t.text("/etc/hosts");
            assertTrue(hosts.startsWith(String.format(HEADER, e.getKey())), hosts);
            for (String line : e.getValue()) {
                assertTrue(hosts.contains("\n" + line + "\n"), e.getKey() + ": " + line + " in\n" + hosts);
            }
            assertFalse(hosts.contains("{{") || hosts.contains("{#") || hosts.contains("127.0.1.1") && e.getKey().equals("freebsd"), hosts);
        }
    }

    @Test
    void operatorTemplateWins() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/cloud/templates/hosts.debian.tmpl",
                "## template: jinja\n{# mine #}\n10.0.0.5 {{ fqdn }} {{hostname}}\n{#- trimmed -#}\n\n127.0.0.1 localhost\n");
        run("debian", "manage_etc_hosts: yes\n", t);
        assertEquals("10.0.0.5 web1.example.com web1\n127.0.0.1 localhost\n", t.text("/etc/hosts"));
    }

    @Test
    void unsupportedTemplateSyntaxIsAnErrorNamingTheKey() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hosts", "keep\n").file("/etc/cloud/templates/hosts.debian.tmpl",
                "{% if fqdn %}{{fqdn}}{% endif %}\n");
        ModuleException e = assertThrows(ModuleException.class, () -> run("debian", "manage_etc_hosts: true\n", t));
        assertTrue(e.getMessage().startsWith("manage_etc_hosts: cannot render /etc/cloud/templates/hosts.debian.tmpl"), e.getMessage());
        TempTarget t2 = TempTarget.in(Files.createDirectories(dir.resolve("b"))).file("/etc/cloud/templates/hosts.debian.tmpl",
                "{{ v1.region }}\n");
        e = assertThrows(ModuleException.class, () -> run("debian", "manage_etc_hosts: true\n", t2));
        assertTrue(e.getMessage().contains("unsupported expression"), e.getMessage());
        assertEquals("keep\n", t.text("/etc/hosts"));
    }

    @Test
    void missingTemplateNameIsAnError() throws Exception {
        TempTarget t = TempTarget.in(dir);
        ModuleException e = assertThrows(ModuleException.class, () -> new UpdateEtcHostsModule().run(TestModuleContext
                .builder("update_etc_hosts").config("manage_etc_hosts: true\nhostname: h\n").target(t).build()));
        assertEquals("manage_etc_hosts: no hosts template could be found (system_info.hosts_template is not set)", e.getMessage());
        e = assertThrows(ModuleException.class, () -> new UpdateEtcHostsModule().run(TestModuleContext
                .builder("update_etc_hosts").config("manage_etc_hosts: true\nhostname: h\nsystem_info: {hosts_template: ../../x}\n")
                .target(t).build()));
        assertTrue(e.getMessage().contains("'../../x'"), e.getMessage());
    }

    @Test
    void localhostModeAddsTheEntry() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hosts", "# static\n127.0.0.1 localhost\n127.0.1.1 old.example old # was\n\n::1 ip6-localhost\n");
        run("debian", "manage_etc_hosts: localhost\n", t);
        // as the reference's HostsConf: entry lines re-joined with tabs, the address's entries moved last
        assertEquals("# static\n127.0.0.1\tlocalhost\n\n::1\tip6-localhost\n127.0.1.1\told.example\told\n"
                + "127.0.1.1\tweb1.example.com\tweb1\n", t.text("/etc/hosts"));
    }

    @Test
    void localhostModeCreatesTheFile() throws Exception {
        TempTarget t = TempTarget.in(dir);
        run("alpine", "manage_etc_hosts: localhost\n", t);
        assertEquals("# Added by cloud-init (Nubis)\n127.0.1.1\tweb1.example.com\tweb1\n", t.text("/etc/hosts"));
    }

    @Test
    void freebsdLocalhostModeUsesLoopback() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hosts", "::1 localhost\n127.0.0.1 localhost\n");
        run("freebsd", "manage_etc_hosts: localhost\n", t);
        assertEquals("::1\tlocalhost\n127.0.0.1\tlocalhost\n127.0.0.1\tweb1.example.com\tweb1\n", t.text("/etc/hosts"));
    }

    @Test
    void falseOrUnknownLeavesTheFileAlone() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hosts", "keep\n");
        for (String v : List.of("false", "'no'", "sometimes", "null")) {
            run("debian", "manage_etc_hosts: " + v + "\n", t);
            assertEquals("keep\n", t.text("/etc/hosts"), v);
        }
        run("debian", "other: 1\n", t);
        assertEquals("keep\n", t.text("/etc/hosts"));
    }

    @Test
    void invalidHostnameIsNamed() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/hosts", "keep\n");
        ModuleException e = assertThrows(ModuleException.class, () -> run("debian",
                "manage_etc_hosts: true\nfqdn: \"evil host.example\"\n", t));
        assertTrue(e.getMessage().startsWith("fqdn: 'evil host.example' is not a valid host name"), e.getMessage());
        assertEquals("keep\n", t.text("/etc/hosts"));
    }

    @Test
    void runningTwiceInUpdateModeChangesNothing() throws Exception {
        for (String mode : List.of("true", "localhost")) {
            for (String distro : List.of("debian", "ubuntu", "suse", "alpine", "freebsd")) {
                Path root = Files.createDirectories(dir.resolve(mode + "-" + distro));
                TempTarget t = TempTarget.in(root).file("/etc/hosts", "127.0.0.1 localhost\n");
                RecordingRunner r = new RecordingRunner(t);
                TestModuleContext c = TestModuleContext.builder("update_etc_hosts")
                        .config(Distros.config(distro, "manage_etc_hosts: " + mode + "\n"))
                        .instanceData(Distros.metadata("web1.example.com")).target(t).runner(r).updateMode(true).build();
                new UpdateEtcHostsModule().run(c);
                Map<String, String> first = TreeSnapshot.of(root);
                new UpdateEtcHostsModule().run(c);
                assertEquals(first, TreeSnapshot.of(root), mode + " " + distro);
                assertEquals(List.of(), r.commandLines());
            }
        }
    }
}
