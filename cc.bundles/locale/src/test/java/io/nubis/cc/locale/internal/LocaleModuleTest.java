package io.nubis.cc.locale.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.nubis.api.config.ConfigException;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.ModuleException;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.Profiles;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class LocaleModuleTest {
    @TempDir
    Path dir;

    private void run(String distro, TempTarget t, CommandRunner r, String yaml, String... args) throws Exception {
        new LocaleModule().run(TestModuleContext.builder("locale").config(Profiles.config(Profiles.named(distro), yaml))
                .target(t).runner(r).args(args).build());
    }

    /** A runner where update-locale behaves like the tool: it writes KEY=VALUE into the --locale-file. */
    static RecordingRunner fakeUpdateLocale(TempTarget t) {
        return new RecordingRunner(t).on("update-locale", c -> {
            String file = c.argv().get(1).substring("--locale-file=".length());
            t.writeString(file, c.argv().get(2) + "\n", FileAttributes.PUBLIC);
            return RecordingRunner.result(0, "", "");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"debian", "ubuntu"})
    void debianGeneratesAndUpdates(String distro) throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/locale.gen", "# en_US ISO-8859-1\n# en_US.UTF-8 UTF-8\n# de_DE.UTF-8 UTF-8\n");
        RecordingRunner r = new RecordingRunner(t);
        run(distro, t, r, "locale: de_DE.UTF-8\n");
        assertEquals(List.of("locale-gen de_DE.UTF-8", "update-locale --locale-file=/etc/default/locale LANG=de_DE.UTF-8"),
                r.commandLines());
        assertEquals("# en_US ISO-8859-1\n# en_US.UTF-8 UTF-8\nde_DE.UTF-8 UTF-8\n", t.text("/etc/locale.gen"));
    }

    @Test
    void debianDefaultIsCUtf8WithoutGeneration() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "{}");
        assertEquals(List.of("update-locale --locale-file=/etc/default/locale LANG=C.UTF-8"), r.commandLines());
    }

    @Test
    void debianAddsAMissingLocaleGenEntryAndHonoursTheConfigFile() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/locale.gen", "# en_US.UTF-8 UTF-8");
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "locale: fr_FR.UTF-8\nlocale_configfile: /etc/locale.conf\n");
        assertEquals(List.of("locale-gen fr_FR.UTF-8", "update-locale --locale-file=/etc/locale.conf LANG=fr_FR.UTF-8"),
                r.commandLines());
        assertEquals("# en_US.UTF-8 UTF-8\nfr_FR.UTF-8 UTF-8\n", t.text("/etc/locale.gen"));
    }

    @Test
    void debianSecondRunChangesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/locale.gen", "# de_DE.UTF-8 UTF-8\n");
        RecordingRunner first = fakeUpdateLocale(t);
        run("debian", t, first, "locale: de_DE.UTF-8\n");
        assertEquals("LANG=de_DE.UTF-8\n", t.text("/etc/default/locale"));
        Map<String, String> before = TreeSnapshot.of(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "locale: de_DE.UTF-8\n");
        assertEquals(List.of(), r.commandLines());
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void suseSetsLangInLocaleConfKeepingOtherLines() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/locale.conf", "LANG=\"en_US.UTF-8\"\nLC_TIME=C\n", 0644);
        RecordingRunner r = new RecordingRunner(t);
        run("suse", t, r, "locale: de_DE.UTF-8\n");
        assertEquals("LANG=de_DE.UTF-8\nLC_TIME=C\n", t.text("/etc/locale.conf"));
        assertEquals(List.of(), r.commandLines());
        Map<String, String> before = TreeSnapshot.of(dir);
        run("suse", t, r, "locale: de_DE.UTF-8\n");
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void suseCreatesTheFileWithTheDefault() throws Exception {
        TempTarget t = TempTarget.in(dir);
        run("suse", t, new RecordingRunner(t), "{}");
        assertEquals("# Created by Nubis (locale module)\nLANG=en_US.UTF-8\n", t.text("/etc/locale.conf"));
        assertEquals(0644, t.mode("/etc/locale.conf"));
    }

    @Test
    void suseSysconfigLanguageThroughFacts() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/sysconfig/language", "RC_LANG=\"\"\nROOT_USES_LANG=\"ctype\"\n");
        run("suse", t, new RecordingRunner(t), "locale: de_DE.UTF-8\n"
                + "system_info: {locale: {method: keyvalue, configfile: /etc/sysconfig/language, key: RC_LANG}}\n");
        assertEquals("RC_LANG=de_DE.UTF-8\nROOT_USES_LANG=\"ctype\"\n", t.text("/etc/sysconfig/language"));
    }

    @Test
    void alpineWritesTheProfileScript() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("alpine", t, r, "locale: en_GB.UTF-8\n");
        assertEquals("#\n# This file is written by Nubis (locale module) once per instance.\n#\n"
                + "export CHARSET=\"UTF-8\"\nexport LANG=\"en_GB.UTF-8\"\nexport LC_COLLATE=\"C\"\n",
                t.text("/etc/profile.d/50-cloud-init-locale.sh"));
        assertEquals(0644, t.mode("/etc/profile.d/50-cloud-init-locale.sh"));
        assertEquals(List.of(), r.commandLines());
        Map<String, String> before = TreeSnapshot.of(dir);
        run("alpine", t, r, "locale: en_GB.UTF-8\n");
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void freebsdEditsLoginConfOnceAndRunsCapMkdb() throws Exception {
        String orig = "# login.conf\ndefault:\\\n\t:passwd_format=sha512:\\\n\t:umask=022:\n\nstandard:\\\n\t:tc=default:\n";
        TempTarget t = TempTarget.in(dir).file("/etc/login.conf", orig, 0644);
        RecordingRunner r = new RecordingRunner(t);
        run("freebsd", t, r, "locale: de_DE.UTF-8\n");
        assertEquals(orig.replace("default:\\", "default:lang=de_DE.UTF-8:\\"), t.text("/etc/login.conf"));
        assertEquals(orig, t.text("/etc/login.conf.orig"));
        assertEquals(List.of("cap_mkdb /etc/login.conf"), r.commandLines());
        run("freebsd", t, r, "locale: fr_FR.UTF-8\n");
        assertEquals(orig.replace("default:\\", "default:lang=fr_FR.UTF-8:\\"), t.text("/etc/login.conf"),
                "the lang entry is replaced, not added again");
        assertEquals(orig, t.text("/etc/login.conf.orig"), "the first backup is kept");
        Map<String, String> before = TreeSnapshot.of(dir);
        r.clear();
        run("freebsd", t, r, "locale: fr_FR.UTF-8\n");
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void freebsdRestoresLoginConfWhenCapMkdbFails() {
        String orig = "default:\\\n\t:umask=022:\n";
        TempTarget t = TempTarget.in(dir).file("/etc/login.conf", orig, 0644);
        RecordingRunner r = new RecordingRunner(t).onFailure("cap_mkdb", 1, "cap_mkdb: bad");
        ModuleException e = assertThrows(ModuleException.class, () -> run("freebsd", t, r, "locale: de_DE.UTF-8\n"));
        assertTrue(e.getMessage().startsWith("locale: "), e.getMessage());
        assertEquals(orig, t.text("/etc/login.conf"));
    }

    @Test
    void falseSkips() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "locale: false\n");
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void argumentWins() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        run("debian", t, r, "locale: de_DE.UTF-8\n", "C");
        assertEquals(List.of("update-locale --locale-file=/etc/default/locale LANG=C"), r.commandLines());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'de_DE.UTF-8\\nrm -rf /'", "'de DE'", "'$(reboot)'", "'\"x'"})
    void hostileLocalesAreRejected(String value) {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        ModuleException e = assertThrows(ModuleException.class, () -> run("alpine", t, r, "locale: " + value + "\n"));
        assertTrue(e.getMessage().startsWith("locale: invalid locale '"), e.getMessage());
        assertFalse(t.exists("/etc/profile.d/50-cloud-init-locale.sh"));
    }

    @Test
    void wrongTypesNameTheKey() {
        TempTarget t = TempTarget.in(dir);
        assertEquals("locale", assertThrows(ConfigException.class,
                () -> run("debian", t, new RecordingRunner(t), "locale: {a: b}\n")).keyPath());
        assertEquals("locale_configfile", assertThrows(ConfigException.class,
                () -> run("debian", t, new RecordingRunner(t), "locale_configfile: [x]\n")).keyPath());
        ModuleException e = assertThrows(ModuleException.class,
                () -> run("debian", t, new RecordingRunner(t), "locale_configfile: etc/locale\n"));
        assertTrue(e.getMessage().startsWith("locale_configfile: "), e.getMessage());
    }

    @Test
    void configfileCannotEscapeTheRoot() throws Exception {
        TempTarget t = TempTarget.in(dir);
        run("suse", t, new RecordingRunner(t), "locale_configfile: /../../../outside\n");
        assertFalse(dir.getParent().resolve("outside").toFile().exists());
        assertEquals("# Created by Nubis (locale module)\nLANG=en_US.UTF-8\n", t.text("/outside"), "resolved as if chrooted");
    }
}
