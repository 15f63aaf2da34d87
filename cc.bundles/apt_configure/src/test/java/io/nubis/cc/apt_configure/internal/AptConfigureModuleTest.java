package io.nubis.cc.apt_configure.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.adapter.apt.internal.AptPackages;
import io.nubis.api.config.ConfigException;
import io.nubis.api.exec.Command;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class AptConfigureModuleTest {
    private static final String UPDATE = "apt-get --option=Dpkg::Options::=--force-confold "
            + "--option=Dpkg::options::=--force-unsafe-io --assume-yes --quiet update";
    private static final String OS_RELEASE = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n";
    private static final String DEBIAN_DEFAULTS = "system_info:\n  package_mirrors:\n    - arches: [default]\n"
            + "      failsafe: {primary: 'https://deb.debian.org/debian', security: 'https://deb.debian.org/debian-security'}\n";
    private static final String KEY = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGTestKey\n=abcd\n-----END PGP PUBLIC KEY BLOCK-----";

    @TempDir
    Path dir;

    private TempTarget debian() {
        return TempTarget.in(dir).file("/etc/os-release", OS_RELEASE);
    }

    private static RecordingRunner runner(TempTarget t) {
        return new RecordingRunner(t).onOutput("dpkg", "amd64\n");
    }

    private static TestModuleContext ctx(TempTarget t, RecordingRunner r, String yaml) {
        return TestModuleContext.builder("apt_configure").config(DEBIAN_DEFAULTS + yaml).target(t).runner(r)
                .packages(new AptPackages()).build();
    }

    private static AptConfigureModule module() {
        return new AptConfigureModule(host -> host.endsWith(".good"));
    }

    @Test
    void proxyAndConfFilesAndTheirRemoval() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t);
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n  proxy: http://proxy:3128\n"
                + "  https_proxy: http://u:secret@proxy:3129\n  conf: |\n    APT { Get { Assume-Yes 'true'; } }\n"));
        assertEquals("Acquire::http::Proxy \"http://proxy:3128\";\nAcquire::https::Proxy \"http://u:secret@proxy:3129\";\n",
                t.text(AptConfigureModule.PROXY_FILE));
        assertEquals(0600, t.mode(AptConfigureModule.PROXY_FILE));
        assertEquals("APT { Get { Assume-Yes 'true'; } }\n", t.text(AptConfigureModule.CONFIG_FILE));
        assertEquals(List.of("dpkg --print-architecture"), r.commandLines());
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n"));
        assertFalse(t.exists(AptConfigureModule.PROXY_FILE));
        assertFalse(t.exists(AptConfigureModule.CONFIG_FILE));
    }

    @Test
    void sourcesWithArmoredKeysAndTemplateVariables() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t);
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n  sources:\n"
                + "    docker.list:\n      source: 'deb [signed-by=$KEY_FILE] https://download.docker.com/linux/debian $RELEASE stable'\n"
                + "      key: |\n" + KEY.replaceAll("(?m)^", "        ") + "\n"
                + "    extra:\n      source: deb $MIRROR ${RELEASE}-backports main\n"
                + "    plainkey:\n      key: |\n" + KEY.replaceAll("(?m)^", "        ") + "\n"));
        assertEquals("deb [signed-by=/etc/apt/cloud-init.gpg.d/docker.asc] https://download.docker.com/linux/debian bookworm stable\n",
                t.text("/etc/apt/sources.list.d/docker.list"));
        assertEquals(KEY + "\n", t.text("/etc/apt/cloud-init.gpg.d/docker.asc"));
        assertEquals("deb https://deb.debian.org/debian bookworm-backports main\n", t.text("/etc/apt/sources.list.d/extra.list"));
        assertEquals(KEY + "\n", t.text("/etc/apt/trusted.gpg.d/plainkey.asc"));
        assertEquals(List.of("dpkg --print-architecture", UPDATE), r.commandLines());
        assertTrue(t.exists("/var/lib/cloud/instances/iid-test/sem/update_sources"));
    }

    @Test
    void keyidIsFetchedWithGpgInAThrowAwayHome() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t).on(Pattern.compile("--export --armor"), RecordingRunner.result(0, KEY + "\n", ""));
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n  sources:\n"
                + "    rio:\n      source: deb http://rio.example/debian bookworm main\n"
                + "      keyid: 'B59D 5F15 97A5 04B7 E230  6DCA 0620 BBCF 0368 3F77'\n      keyserver: pgp.mit.edu\n"));
        List<String> lines = r.commandLines();
        assertEquals(4, lines.size(), lines.toString());
        String home = lines.get(1).split(" ")[2];
        assertTrue(home.startsWith("/tmp/nubis-apt-gpg-"), home);
        assertEquals("gpg --homedir " + home + " --batch --no-tty --keyserver pgp.mit.edu --recv-keys "
                + "B59D5F1597A504B7E2306DCA0620BBCF03683F77", lines.get(1));
        assertEquals("gpg --homedir " + home + " --batch --export --armor B59D5F1597A504B7E2306DCA0620BBCF03683F77", lines.get(2));
        assertEquals(UPDATE, lines.get(3));
        assertEquals(KEY + "\n", t.text("/etc/apt/trusted.gpg.d/rio.asc"));
        assertFalse(t.exists(home));
        assertEquals("deb http://rio.example/debian bookworm main\n", t.text("/etc/apt/sources.list.d/rio.list"));
    }

    @Test
    void ppaSourcesGoToAddAptRepository() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t);
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n  sources:\n    p: {source: 'ppa:deadsnakes/ppa'}\n"));
        assertEquals(List.of("dpkg --print-architecture", "add-apt-repository --no-update ppa:deadsnakes/ppa", UPDATE),
                r.commandLines());
    }

    @Test
    void primaryMirrorReplacesTheDefaultInSourcesListAndDeb822() throws Exception {
        TempTarget t = debian()
                .file("/etc/apt/sources.list", "# main\ndeb https://deb.debian.org/debian bookworm main\n"
                        + "deb [arch=amd64 trusted=no] http://deb.debian.org/debian/ bookworm-updates main\n"
                        + "deb https://deb.debian.org/debian-security bookworm-security main\n"
                        + "deb https://download.docker.com/linux/debian bookworm stable\n")
                .file("/etc/apt/sources.list.d/debian.sources", "Types: deb\nURIs: https://deb.debian.org/debian\n"
                        + "Suites: bookworm bookworm-updates bookworm-backports\nComponents: main\n\n"
                        + "Types: deb\nURIs: https://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n");
        RecordingRunner r = runner(t);
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: false\n  disable_suites: [backports]\n  primary:\n"
                + "    - arches: [s390x]\n      uri: http://wrong.example/debian\n"
                + "    - arches: [default]\n      search: ['http://down.bad/debian', 'http://mirror.good/debian']\n"
                + "  security:\n    - arches: [amd64]\n      uri: http://sec.example/debian-security\n"));
        assertEquals("# main\ndeb http://mirror.good/debian bookworm main\n"
                + "deb [arch=amd64 trusted=no] http://mirror.good/debian bookworm-updates main\n"
                + "deb http://sec.example/debian-security bookworm-security main\n"
                + "deb https://download.docker.com/linux/debian bookworm stable\n", t.text("/etc/apt/sources.list"));
        assertEquals("Types: deb\nURIs: http://mirror.good/debian\nSuites: bookworm bookworm-updates\nComponents: main\n\n"
                + "Types: deb\nURIs: http://sec.example/debian-security\nSuites: bookworm-security\nComponents: main\n",
                t.text("/etc/apt/sources.list.d/debian.sources"));
        assertEquals(List.of("dpkg --print-architecture", UPDATE), r.commandLines());
    }

    @Test
    void sourcesListTemplateWithDisabledSuites() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t);
        module().run(ctx(t, r, "apt:\n  primary: [{arches: [default], uri: 'http://m.example/debian'}]\n"
                + "  disable_suites: [updates, $RELEASE-proposed]\n  sources_list: |\n"
                + "    deb $MIRROR $RELEASE main\n    deb $PRIMARY $RELEASE-updates main\n    deb $SECURITY $RELEASE-security main\n"));
        assertEquals("deb http://m.example/debian bookworm main\n"
                + "# suite disabled by cloud-init: deb http://m.example/debian bookworm-updates main\n"
                + "deb http://m.example/debian bookworm-security main\n", t.text("/etc/apt/sources.list"));
    }

    @Test
    void preservedSourcesAreNotTouched() throws Exception {
        TempTarget t = debian().file("/etc/apt/sources.list", "deb https://deb.debian.org/debian bookworm main\n");
        RecordingRunner r = runner(t);
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n  primary: [{arches: [default], uri: 'http://m/debian'}]\n"
                + "  sources_list: 'deb $MIRROR x main'\n"));
        assertEquals("deb https://deb.debian.org/debian bookworm main\n", t.text("/etc/apt/sources.list"));
    }

    @Test
    void debconfSelectionsGoThroughStdinOnceAndAreSensitive() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t);
        String yaml = "apt:\n  preserve_sources_list: true\n  debconf_selections:\n"
                + "    set2: pkg pkg/value string bar\n    set1: |\n      mysql-server mysql-server/root_password password s3cret\n";
        module().run(ctx(t, r, yaml));
        Command c = r.commands().get(0);
        assertEquals(List.of("debconf-set-selections"), c.argv());
        assertTrue(c.sensitive());
        assertArrayEquals(("mysql-server mysql-server/root_password password s3cret\n\npkg pkg/value string bar\n")
                .getBytes(StandardCharsets.UTF_8), c.stdin());
        assertEquals(0600, t.mode("/var/lib/cloud/instances/iid-test/apt-debconf-selections"));
        r.clear();
        module().run(ctx(t, r, yaml));
        assertEquals(List.of("dpkg --print-architecture"), r.commandLines());
    }

    @Test
    void rerunChangesNothingAndRunsNoStateChangingCommand() throws Exception {
        TempTarget t = debian().file("/etc/apt/sources.list", "deb https://deb.debian.org/debian bookworm main\n")
                .file("/etc/apt/sources.list.d/extra.list", "deb http://other/ x main\n");
        RecordingRunner r = runner(t).on(Pattern.compile("--export --armor"), RecordingRunner.result(0, KEY + "\n", ""));
        String yaml = "apt:\n  preserve_sources_list: false\n  primary: [{arches: [default], uri: 'http://m.example/debian'}]\n"
                + "  proxy: http://p:1\n  conf: 'APT::Get::Assume-Yes \"true\";'\n"
                + "  debconf_selections: {a: 'pkg pkg/q boolean true'}\n"
                + "  sources:\n    extra: {source: 'deb $MIRROR $RELEASE contrib', key: \"" + KEY.replace("\n", "\\n") + "\"}\n"
                + "    byid: {source: 'deb http://byid/ x main', keyid: '0368 3F77 0368 3F77'}\n";
        TestModuleContext first = TestModuleContext.builder("apt_configure").config(DEBIAN_DEFAULTS + yaml).target(t)
                .runner(r).packages(new AptPackages()).updateMode(true).build();
        module().run(first);
        assertEquals("deb http://other/ x main\ndeb http://m.example/debian bookworm contrib\n",
                t.text("/etc/apt/sources.list.d/extra.list"));
        assertEquals("deb http://m.example/debian bookworm main\n", t.text("/etc/apt/sources.list"));
        Map<String, String> snapshot = TreeSnapshot.of(dir);
        r.clear();
        module().run(first);
        assertEquals(snapshot, TreeSnapshot.of(dir));
        assertEquals(List.of("dpkg --print-architecture"), r.commandLines());
    }

    @Test
    void planModeFetchesNothingAndWritesNoKey() throws Exception {
        TempTarget t = debian();
        RecordingRunner r = runner(t).planMode(true);
        module().run(ctx(t, r, "apt:\n  preserve_sources_list: true\n  sources:\n    z: {source: 'deb http://z/ x main', keyid: '03683F77'}\n"));
        assertFalse(t.exists("/etc/apt/trusted.gpg.d/z.asc"));
        assertEquals("deb http://z/ x main\n", t.text("/etc/apt/sources.list.d/z.list"));
    }

    @Test
    void badInputNamesTheKey() {
        String[][] cases = {
            {"apt: {sources: {foo: {source: 'deb http://x/ y main', key: 'not a key'}}}", "apt.sources.foo.key"},
            {"apt: {sources: {foo: {source: 'deb http://x/ y main', keyid: 'zz; rm -rf /'}}}", "apt.sources.foo.keyid"},
            {"apt: {sources: {foo: {keyid: '03683F77', keyserver: '--exec=evil'}}}", "apt.sources.foo.keyserver"},
            {"apt: {sources: {foo: {source: 'deb http://x/ y main', filename: '/etc/cron.d/evil'}}}", "apt.sources.foo.filename"},
            {"apt: {sources: {foo: {source: 'deb [signed-by=$KEY_FILE] http://x/ y main'}}}", "apt.sources.foo.source"},
            {"apt: {sources: {foo: {source: \"deb http://x/ y main\\ndeb http://evil/ z main\"}}}", "apt.sources.foo.source"},
            {"apt: {sources: {foo: [x]}}", "apt.sources.foo"},
        };
        for (String[] c : cases) {
            TempTarget t = debian();
            ModuleException e = assertThrows(ModuleException.class, () -> module().run(ctx(t, runner(t), c[0])), c[0]);
            assertTrue(e.getMessage().startsWith(c[1] + ":"), c[0] + " -> " + e.getMessage());
            assertFalse(t.exists("/etc/cron.d/evil.list"));
        }
        for (String[] c : new String[][] {
            {"apt: {proxy: 'http://x\"; Evil \"y'}", "apt.proxy"},
            {"apt: {sources_list: 'deb $MIRROR $RELEASE main'}", "apt.sources_list"},
            {"apt: {primary: [{arches: [default], uri: 'not a url'}]}", "apt.primary[0].uri"},
            {"apt: {debconf_selections: [a]}", "apt.debconf_selections"}}) {
            TempTarget t = TempTarget.in(dir.resolve(Integer.toString(c[1].hashCode())).toFile().mkdirs()
                    ? dir.resolve(Integer.toString(c[1].hashCode())) : dir);
            ConfigException e = assertThrows(ConfigException.class, () -> module().run(ctx(t, runner(t), c[0])), c[0]);
            assertEquals(c[1], e.keyPath(), c[0]);
        }
    }

    @Test
    void deb822DisablingEverySuiteDisablesTheStanza() {
        assertEquals("Types: deb\nURIs: http://a\nSuites: x-backports\nEnabled: no\n",
                AptSourcesText.deb822("Types: deb\nURIs: http://a\nSuites: x-backports\nEnabled: yes\n", Map.of(),
                        Set.of("x-backports")));
    }
}
