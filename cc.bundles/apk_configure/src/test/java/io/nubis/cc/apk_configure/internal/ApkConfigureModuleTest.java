package io.nubis.cc.apk_configure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class ApkConfigureModuleTest {
    private static final String HEADER = "#\n# Created by cloud-init\n#\n# This file is written on first boot of an instance\n#\n\n";
    private static final String M = ApkConfigureModule.DEFAULT_MIRROR;

    @TempDir
    Path dir;

    private String run(String yaml) throws Exception {
        TempTarget t = TempTarget.in(dir);
        new ApkConfigureModule().run(TestModuleContext.builder("apk_configure").config(yaml).target(t).build());
        return t.text("/etc/apk/repositories");
    }

    @Test
    void mainOnly() throws Exception {
        assertEquals(HEADER + M + "/v3.12/main\n\n", run("apk_repos: {alpine_repo: {version: v3.12}}"));
    }

    @Test
    void mainAndCommunityOnEdge() throws Exception {
        assertEquals(HEADER + M + "/edge/main\n" + M + "/edge/community\n\n",
                run("apk_repos: {alpine_repo: {version: edge, community_enabled: true}}"));
    }

    @Test
    void testingOnAReleaseCarriesTheWarning() throws Exception {
        assertEquals(HEADER + M + "/v3.12/main\n" + M + "/v3.12/community\n"
                + "#\n# Testing - using with non-Edge installation may cause problems!\n#\n" + M + "/edge/testing\n\n",
                run("apk_repos: {alpine_repo: {version: v3.12, community_enabled: true, testing_enabled: true}}"));
    }

    @Test
    void testingOnEdgeHasNoWarning() throws Exception {
        assertEquals(HEADER + M + "/edge/main\n" + M + "/edge/community\n" + M + "/edge/testing\n\n",
                run("apk_repos: {alpine_repo: {version: edge, community_enabled: true, testing_enabled: true}}"));
    }

    @Test
    void localRepoAndOwnMirror() throws Exception {
        String b = "https://some-alpine-mirror/alpine";
        assertEquals(HEADER + b + "/v3.20/main\n" + b + "/v3.20/community\n"
                + "#\n# Testing - using with non-Edge installation may cause problems!\n#\n" + b + "/edge/testing\n"
                + "\n#\n# Local repo\n#\nhttp://some.mirror/whereever/v3.20\n\n",
                run("apk_repos:\n  alpine_repo: {base_url: '" + b + "', version: v3.20, community_enabled: true,"
                        + " testing_enabled: true}\n  local_repo_base_url: http://some.mirror/whereever\n"));
    }

    @Test
    void preserveOrNoVersionLeavesTheFileAlone() throws Exception {
        for (String yaml : List.of("apk_repos: {preserve_repositories: true, alpine_repo: {version: v3.1}}",
                "apk_repos: {alpine_repo: {community_enabled: true}}", "apk_repos: {local_repo_base_url: http://x}")) {
            TempTarget t = TempTarget.in(dir).file("/etc/apk/repositories", "mine\n");
            new ApkConfigureModule().run(TestModuleContext.builder("apk_configure").config(yaml).target(t).build());
            assertEquals("mine\n", t.text("/etc/apk/repositories"), yaml);
        }
    }

    @Test
    void rerunChangesNothing() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t);
        TestModuleContext ctx = TestModuleContext.builder("apk_configure").updateMode(true)
                .config("apk_repos: {alpine_repo: {version: v3.19, community_enabled: true}}").target(t).runner(r).build();
        new ApkConfigureModule().run(ctx);
        Map<String, String> first = TreeSnapshot.of(dir);
        new ApkConfigureModule().run(ctx);
        assertEquals(first, TreeSnapshot.of(dir));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void badInputNamesTheKeyAndWritesNothing() {
        TempTarget t = TempTarget.in(dir);
        for (String[] c : new String[][] {
            {"apk_repos: {alpine_repo: {version: \"v3.1\\nhttp://evil/x\"}}", "apk_repos.alpine_repo.version"},
            {"apk_repos: {alpine_repo: [v3.1]}", "apk_repos.alpine_repo"},
            {"apk_repos: {alpine_repo: {version: v3.1, community_enabled: sometimes}}", "apk_repos.alpine_repo.community_enabled"},
            {"apk_repos: [x]", "apk_repos"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> new ApkConfigureModule()
                    .run(TestModuleContext.builder("apk_configure").config(c[0]).target(t).build()), c[0]);
            assertEquals(c[1], e.keyPath());
        }
        assertFalse(t.exists("/etc/apk/repositories"));
    }
}
