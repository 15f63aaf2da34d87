package io.nubis.cc.zypper_add_repo.internal;

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

class ZypperAddRepoModuleTest {
    private static final String CONFIG = "zypper:\n"
            + "  repos:\n"
            + "    - id: opensuse-oss\n"
            + "      name: os-oss\n"
            + "      baseurl: http://dl.opensuse.org/dist/leap/v/repo/oss/\n"
            + "      enabled: 1\n"
            + "      autorefresh: 1\n"
            + "    - id: my update\n"
            + "      Name: os-oss-up, nightly\n"
            + "      baseurl: http://dl.opensuse.org/dist/leap/v/update\n"
            + "      gpgcheck: false\n"
            + "      Key-Path: [a, b]\n"
            + "  config:\n"
            + "    download.use_deltarpm: true\n"
            + "    configdir: /elsewhere\n"
            + "    solver.onlyRequires: ''\n";

    @TempDir
    Path dir;

    private TestModuleContext ctx(TempTarget t, String yaml) {
        return TestModuleContext.builder("zypper_add_repo").config(yaml).target(t).runner(new RecordingRunner(t)).build();
    }

    @Test
    void writesRepoFilesAndAppendsZyppConf() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/zypp/zypp.conf", "# Zypp config\n[main]\n");
        new ZypperAddRepoModule().run(ctx(t, CONFIG));
        assertEquals("[opensuse-oss]\n    name = os-oss\n    baseurl = http://dl.opensuse.org/dist/leap/v/repo/oss/\n"
                + "    enabled = 1\n    autorefresh = 1", t.text("/etc/zypp/repos.d/opensuse-oss.repo"));
        assertEquals("[my update]\n    name = \"os-oss-up, nightly\"\n    baseurl = http://dl.opensuse.org/dist/leap/v/update\n"
                + "    gpgcheck = 0\n    key_path = \"\"\"a\n    b\"\"\"\n    enabled = 1\n    autorefresh = 1",
                t.text("/etc/zypp/repos.d/my_update.repo"));
        assertEquals("# Zypp config\n[main]\n# Added via cloud.cfg\ndownload.use_deltarpm=True\n",
                t.text("/etc/zypp/zypp.conf"));
    }

    @Test
    void existingRepoFilesAreLeftAloneAndRerunsChangeNothing() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/zypp/repos.d/opensuse-oss.repo", "[opensuse-oss]\nmine=1\n")
                .file("/etc/zypp/zypp.conf", "# Zypp config\n");
        new ZypperAddRepoModule().run(ctx(t, CONFIG));
        assertEquals("[opensuse-oss]\nmine=1\n", t.text("/etc/zypp/repos.d/opensuse-oss.repo"));
        Map<String, String> first = TreeSnapshot.of(dir);
        TestModuleContext again = TestModuleContext.builder("zypper_add_repo").updateMode(true).config(CONFIG).target(t).build();
        new ZypperAddRepoModule().run(again);
        assertEquals(first, TreeSnapshot.of(dir));
    }

    @Test
    void configIsOnlyAppliedWithReposAsInTheReference() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/zypp/zypp.conf", "# No data");
        new ZypperAddRepoModule().run(ctx(t, "zypper: {config: {download.use_deltarpm: 'False'}}"));
        assertEquals("# No data", t.text("/etc/zypp/zypp.conf"));
    }

    @Test
    void customReposDir() throws Exception {
        TempTarget t = TempTarget.in(dir);
        new ZypperAddRepoModule().run(ctx(t, "zypper: {repos: [{id: x, baseurl: 'http://x'}], config: {reposdir: /etc/zypp/repos.dir}}"));
        assertEquals("[x]\n    baseurl = http://x\n    enabled = 1\n    autorefresh = 1", t.text("/etc/zypp/repos.dir/x.repo"));
        assertEquals("# Added via cloud.cfg\nreposdir=/etc/zypp/repos.dir\n", t.text("/etc/zypp/zypp.conf"));
    }

    @Test
    void aRepoWithoutBaseurlFailsNamingItButTheOthersAreWritten() {
        TempTarget t = TempTarget.in(dir);
        ModuleException e = assertThrows(ModuleException.class, () -> new ZypperAddRepoModule().run(ctx(t,
                "zypper: {repos: [{id: foo, name: x}, {id: bar, baseurl: 'http://bar'}]}")));
        assertEquals("zypper.repos[0]: missing required keys baseurl", e.getMessage());
        assertFalse(t.exists("/etc/zypp/repos.d/foo.repo"));
        assertTrue(t.exists("/etc/zypp/repos.d/bar.repo"));
    }

    @Test
    void hostileOrMistypedInputNamesTheKey() {
        for (String[] c : new String[][] {
            {"zypper: {repos: [{id: ../../etc/passwd, baseurl: 'http://x'}]}", "zypper.repos[0].id"},
            {"zypper: {repos: [{id: x, baseurl: 'http://x'}], config: {reposdir: relative}}", "zypper.config.reposdir"},
            {"zypper: {repos: [{id: x, baseurl: 'http://x'}], config: {a: \"1\\nb=2\"}}", "zypper.config.a"},
            {"zypper: {repos: [[x]]}", "zypper.repos[0]"},
            {"zypper: {repos: {id: x}}", "zypper.repos"}}) {
            TempTarget t = TempTarget.in(dir);
            ConfigException e = assertThrows(ConfigException.class, () -> new ZypperAddRepoModule().run(ctx(t, c[0])), c[0]);
            assertEquals(c[1], e.keyPath());
        }
        assertFalse(TempTarget.in(dir).exists("/etc/passwd.repo"));
    }

    @Test
    void iniQuotingFollowsTheReferenceWriter() {
        assertEquals("plain", IniValue.quote("plain", true));
        assertEquals("\"a,b\"", IniValue.quote("a,b", true));
        assertEquals("'say \"hi\"'", IniValue.quote("say \"hi\"", true));
        assertEquals("\"x # y\"", IniValue.quote("x # y", true));
        assertEquals("\"\"", IniValue.quote("", true));
        assertEquals("\"\"\"l1\nl2\"\"\"", IniValue.quote("l1\nl2", true));
        assertThrows(IllegalArgumentException.class, () -> IniValue.quote("a\nb", false));
        assertEquals(List.of("1", "0", "3"), List.of(IniValue.format(true), IniValue.format(false), IniValue.format(3)));
    }
}
