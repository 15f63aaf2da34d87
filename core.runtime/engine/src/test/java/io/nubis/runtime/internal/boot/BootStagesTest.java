package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootStagesTest {
    static final String USER_DATA = "Content-Type: multipart/mixed; boundary=\"XX\"\nMIME-Version: 1.0\n\n"
            + "--XX\nContent-Type: text/cloud-config\nContent-Disposition: attachment; filename=\"a.cfg\"\n\n"
            + "#cloud-config\nbootcmd: [echo hi]\npassword: s3cret\n\n"
            + "--XX\nContent-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"hello.sh\"\n\n"
            + "#!/bin/sh\necho hello\n\n--XX--\n";

    @TempDir
    Path dir;

    private BootFixture firstBoot() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\nlocal-hostname: host1.example.com\n", USER_DATA)
                .file("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\n");
        assertEquals(0, f.allStages());
        return f;
    }

    @Test
    void firstBootWritesTheReferenceState() throws Exception {
        BootFixture f = firstBoot();
        assertEquals(List.of("bootcmd", "per_instance", "failing", "config_mod", "final_mod"), f.ran);
        assertEquals(List.of("NoCloud@local"), f.plugins.crawled);

        Map<String, Object> v1 = f.v1();
        assertEquals("DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]", v1.get("datasource"));
        assertEquals(null, v1.get("stage"));
        for (String st : List.of("init-local", "init", "modules-config", "modules-final")) {
            Map<String, Object> s = f.stage(st);
            assertEquals(List.of(), s.get("errors"), st);
            assertInstanceOf(Double.class, s.get("start"), st);
            assertTrue((Double) s.get("finished") >= (Double) s.get("start"), st);
        }
        assertEquals(Map.of("v1", Map.of("datasource", v1.get("datasource"), "errors", List.of())),
                f.json("/var/lib/cloud/data/result.json"));
        assertEquals("../../var/lib/cloud/data/status.json",
                Files.readSymbolicLink(dir.resolve("run/cloud-init/status.json")).toString());
        assertEquals("../../var/lib/cloud/data/result.json",
                Files.readSymbolicLink(dir.resolve("run/cloud-init/result.json")).toString());
        assertEquals("/var/lib/cloud/instances/iid-1",
                Files.readSymbolicLink(dir.resolve("var/lib/cloud/instance")).toString());

        assertEquals("iid-1\n", f.text("/var/lib/cloud/data/instance-id"));
        assertEquals("iid-1\n", f.text("/run/cloud-init/.instance-id"));
        // the network stage records the instance again, so "previous" is the current one, as the reference
        assertEquals("iid-1\n", f.text("/var/lib/cloud/data/previous-instance-id"));
        String ds = "DataSourceNoCloud: DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]\n";
        assertEquals(ds, f.text("/var/lib/cloud/instances/iid-1/datasource"));
        assertEquals(ds, f.text("/var/lib/cloud/data/previous-datasource"));

        assertEquals(USER_DATA, f.text("/var/lib/cloud/instances/iid-1/user-data.txt"));
        assertEquals(0600, f.mode("/var/lib/cloud/instances/iid-1/user-data.txt"));
        assertEquals(0600, f.mode("/var/lib/cloud/instances/iid-1/user-data.txt.i"));
        assertTrue(f.text("/var/lib/cloud/instances/iid-1/user-data.txt.i").contains("Number-Attachments: 2"));
        assertEquals("", f.text("/var/lib/cloud/instances/iid-1/vendor-data.txt"));
        assertEquals("#cloud-config\n\n# from 1 files\n# a.cfg\n\n---\nbootcmd:\n- echo hi\npassword: s3cret\n...\n",
                f.text("/var/lib/cloud/instances/iid-1/cloud-config.txt"));
        assertEquals(0600, f.mode("/var/lib/cloud/instances/iid-1/cloud-config.txt"));
        assertEquals("", f.text("/var/lib/cloud/instances/iid-1/vendor-cloud-config.txt"));
        assertEquals("#!/bin/sh\necho hello\n", f.text("/var/lib/cloud/instances/iid-1/scripts/hello.sh"));
        assertEquals(0700, f.mode("/var/lib/cloud/instances/iid-1/scripts/hello.sh"));
        assertEquals(0600, f.mode("/var/lib/cloud/instances/iid-1/obj.json"));

        assertTrue(f.exists("/var/lib/cloud/instances/iid-1/sem/config_per_instance"));
        assertTrue(f.exists("/var/lib/cloud/instances/iid-1/sem/config_config_mod"));
        assertFalse(f.exists("/var/lib/cloud/instances/iid-1/sem/config_bootcmd"));
        assertTrue(f.text("/var/lib/cloud/instances/iid-1/sem/config_per_instance")
                .matches(ProcessHandle.current().pid() + ": \\d+\\.\\d+\n"));

        assertEquals("nocloud\n", f.text("/run/cloud-init/cloud-id-nocloud"));
        assertEquals(0644, f.mode("/run/cloud-init/instance-data.json"));
        assertEquals(0600, f.mode("/run/cloud-init/instance-data-sensitive.json"));
        String pub = f.text("/run/cloud-init/instance-data.json");
        assertTrue(pub.contains("\"merged_cfg\": \"redacted for non-root user\""), pub);
        assertTrue(pub.contains("\"local_hostname\": \"host1\""), pub);
        assertTrue(pub.contains("\"distro_release\": \"bookworm\""), pub);
        assertFalse(f.text("/run/cloud-init/combined-cloud-config.json").isEmpty());
        assertFalse(pub.contains("s3cret"));
        assertFalse(f.log().contains("s3cret"));
        assertEquals(0640, f.mode("/var/log/cloud-init.log"));
        assertEquals(0640, f.mode("/var/log/cloud-init-output.log"));
    }

    @Test
    void logHasTheBannersAndReportingEvents() throws Exception {
        String log = firstBoot().log();
        assertTrue(log.contains(" - util[DEBUG]: Cloud-init v. 22.4 running 'init-local' at Wed, 31 Jan 2024 12:00:"), log);
        assertTrue(log.contains("running 'modules:final' at "), log);
        for (String line : List.of("start: init-local: searching for local datasources",
                "start: init-local/search-NoCloud: searching for local data from DataSourceNoCloud",
                "finish: init-local/search-NoCloud: SUCCESS: found local data from DataSourceNoCloud",
                "finish: init-network/check-cache: SUCCESS: restored from cache with run check: DataSourceNoCloud",
                "start: init-network/consume-user-data: reading and applying user-data",
                "start: init-network/config-bootcmd: running config-bootcmd with frequency always",
                "finish: init-network/config-per_instance: SUCCESS: config-per_instance ran successfully",
                "finish: modules-config/config-config_mod: SUCCESS: config-config_mod ran successfully",
                "finish: modules-final: SUCCESS: running modules for final")) {
            assertTrue(log.contains(" - handlers[DEBUG]: " + line), line);
        }
        assertTrue(log.contains("modules[INFO]: Skipping modules 'seed_random' because they are not in this assembly."),
                log);
    }

    @Test
    void schemaErrorsStopTheNetworkStageWhenTheImageMakesThemFatal() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "#cloud-config\nno_such_key: 1\n")
                .file("/etc/os-release", "ID=debian\n")
                .file("/etc/cloud/cloud.cfg.d/90-strict.cfg", "nubis: {schema_errors: fatal}\n");
        assertTrue(f.allStages() > 0, "the stage reports the error");
        assertFalse(f.ran.contains("per_instance"), "no init module ran: " + f.ran);
        assertTrue(f.log().contains("Schema errors are fatal on this image"), f.log());
        assertTrue(f.stage("init").get("errors").toString().contains("schema errors are fatal"), f.stage("init").toString());
    }

    @Test
    void schemaErrorsAreOnlyAWarningByDefault() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "#cloud-config\nno_such_key: 1\n")
                .file("/etc/os-release", "ID=debian\n");
        assertEquals(0, f.allStages());
        assertTrue(f.ran.contains("per_instance"), f.ran.toString());
        assertTrue(f.log().contains("Invalid cloud-config provided"), f.log());
    }

    @Test
    void secondBootOfTheSameInstanceSkipsPerInstanceModules() throws Exception {
        BootFixture f = firstBoot();
        f.ran.clear();
        f.reboot();
        assertEquals(0, f.allStages());
        assertEquals(List.of("bootcmd", "failing", "final_mod"), f.ran);
        assertEquals("iid-1\n", f.text("/var/lib/cloud/data/previous-instance-id"));
        assertTrue(f.log().contains("finish: modules-config/config-config_mod: SUCCESS: config-config_mod previously ran"));
    }

    @Test
    void modulesOfANewInstanceMayPrepareAtTheEndOfTheLocalStageAndOnlyThen() throws Exception {
        BootFixture f = firstBoot();
        // every module the lists name and the system config activates (bootcmd's key is only in
        // user-data, read later), once, before any module ran
        assertEquals(List.of("per_instance@iid-1", "failing@iid-1", "config_mod@iid-1", "final_mod@iid-1"), f.prepared);
        f.prepared.clear();
        f.reboot();
        assertEquals(0, f.allStages());
        assertEquals(List.of(), f.prepared, "the same instance again: nothing to prepare");
        f.seed("instance-id: iid-2\n", "#cloud-config\n{}\n");
        assertEquals(0, f.allStages());
        assertEquals(List.of("per_instance@iid-2", "failing@iid-2", "config_mod@iid-2", "final_mod@iid-2"), f.prepared,
                "a new instance: the same again");
    }

    @Test
    void aNewInstanceIdRunsPerInstanceModulesAgain() throws Exception {
        BootFixture f = firstBoot();
        f.ran.clear();
        f.seed("instance-id: iid-2\n", "#cloud-config\n{}\n");
        assertEquals(0, f.allStages());
        assertEquals(List.of("per_instance", "failing", "config_mod", "final_mod"), f.ran);
        assertEquals("iid-2\n", f.text("/var/lib/cloud/data/instance-id"));
        assertEquals("/var/lib/cloud/instances/iid-2",
                Files.readSymbolicLink(dir.resolve("var/lib/cloud/instance")).toString());
        assertTrue(f.exists("/var/lib/cloud/instances/iid-1/sem/config_per_instance"));
        assertTrue(f.exists("/var/lib/cloud/instances/iid-2/sem/config_per_instance"));
    }

    @Test
    void losingTheDatasourceKeepsThePreviousInstance() throws Exception {
        BootFixture f = firstBoot();
        f.ran.clear();
        f.plugins.crawled.clear();
        Files.delete(dir.resolve("var/lib/cloud/seed/nocloud/meta-data"));
        f.reboot();
        assertEquals(0, f.allStages());
        // NoCloud is tried in both stages; None is never crawled because a real instance exists
        assertEquals(List.of("NoCloud@local", "NoCloud@network"), f.plugins.crawled);
        assertEquals("iid-1\n", f.text("/var/lib/cloud/data/instance-id"));
        assertEquals(List.of("bootcmd", "failing", "final_mod"), f.ran);
        assertEquals("DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]", f.v1().get("datasource"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) f.stage("init").get("recoverable_errors");
        assertEquals(List.of("No datasource found this boot; keeping instance iid-1 with the data cached from "
                + "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net] (fallback, not a new instance)"),
                rec.get("WARNING"));
        assertEquals("echo hi", ((List<?>) f.contexts.get("bootcmd").config().asMap().get("bootcmd")).get(0));
    }

    @Test
    void withoutAnyDatasourceNoneIsTheInstance() throws Exception {
        BootFixture f = new BootFixture(dir);
        assertEquals(0, f.allStages());
        assertEquals(List.of("None@network"), f.plugins.crawled);
        assertEquals("iid-datasource-none\n", f.text("/var/lib/cloud/data/instance-id"));
        assertEquals("DataSourceNone", f.v1().get("datasource"));
        assertEquals(List.of("per_instance", "failing", "config_mod", "final_mod"), f.ran);
    }

    @Test
    void withoutNoneTheNetworkStageFails() throws Exception {
        BootFixture f = new BootFixture(dir).file("/etc/cloud/cloud.cfg", "datasource_list: [NoCloud]\n");
        assertEquals(1, f.run(s -> new InitStage(s, true).run() + new InitStage(s, false).run()));
        assertEquals(List.of("No instance datasource found."), f.stage("init").get("errors"));
        assertEquals(List.of(), f.stage("init-local").get("errors"));
    }

    @Test
    void aFailingModuleIsAStageErrorAndTheOthersStillRun() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "");
        f.failWith = "it's broken";
        assertEquals(1, f.allStages());
        assertEquals(List.of("per_instance", "failing", "config_mod", "final_mod"), f.ran);
        assertEquals(List.of("('failing', ModuleException(\"it's broken\"))"), f.stage("init").get("errors"));
        assertEquals(List.of("('failing', ModuleException(\"it's broken\"))"),
                ((Map<?, ?>) f.json("/var/lib/cloud/data/result.json").get("v1")).get("errors"));
        assertTrue(f.log().contains("finish: init-network/config-failing: FAIL: running config-failing with frequency always"));
        assertTrue(f.log().contains("finish: init-network: FAIL: searching for network datasources"));
    }

    @Test
    void exitCodeOfAStageIsItsNumberOfErrors() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "");
        f.failWith = "boom";
        assertEquals(0, f.run(s -> new InitStage(s, true).run()));
        assertEquals(1, f.run(s -> new InitStage(s, false).run()));
        assertEquals(0, f.run(s -> new ModulesStage(s, "config").run()));
    }

    @Test
    void aLocalModeDatasourceIsDoneInTheLocalStage() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\ndsmode: local\n", "#cloud-config\nbootcmd: [x]\n");
        assertEquals(0, f.allStages());
        assertEquals(List.of("bootcmd", "per_instance", "failing", "config_mod", "final_mod"), f.ran);
        assertTrue(f.log().contains("[net] Exiting. datasource DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud]"
                + "[dsmode=local] not in network mode."), f.log());
    }

    @Test
    void updateModeRunsOnlyIdempotentModulesWithoutSemaphoresOrStatus() throws Exception {
        BootFixture f = firstBoot();
        String status = f.text("/var/lib/cloud/data/status.json");
        f.ran.clear();
        assertEquals(0, f.run(s -> new ModulesStage(s, "update").run()));
        assertEquals(List.of("final_mod"), f.ran);
        assertTrue(f.contexts.get("final_mod").updateMode());
        assertEquals(status, f.text("/var/lib/cloud/data/status.json"));
        assertTrue(f.log().contains("Skipping modules 'bootcmd,per_instance,failing,config_mod' in update mode because"
                + " they are not idempotent."), f.log());
    }

    @Test
    void singleRunsOneModuleWithItsArguments() throws Exception {
        BootFixture f = firstBoot();
        f.ran.clear();
        assertEquals(0, f.run(s -> new SingleStage(s, "per-instance", "always", List.of("a", "b"), false).run()));
        assertEquals(List.of("per_instance"), f.ran);
        assertEquals(List.of("a", "b"), f.contexts.get("per_instance").args());
        f.ran.clear();
        assertEquals(0, f.run(s -> new SingleStage(s, "per_instance", null, List.of(), false).run()));
        assertEquals(List.of(), f.ran, "per-instance semaphore already taken");
        assertEquals(1, f.run(s -> new SingleStage(s, "no_such_module", null, List.of(), false).run()));
        assertTrue(f.log().contains("Did not run no_such_module, does it exist?"));
    }

    @Test
    void brokenSystemConfigIsLoggedAndTheBootGoesOn() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "")
                .file("/etc/cloud/cloud.cfg.d/50-broken.cfg", "a: [unclosed\n");
        assertEquals(0, f.allStages());
        @SuppressWarnings("unchecked")
        Map<String, List<String>> rec = (Map<String, List<String>>) f.stage("init-local").get("recoverable_errors");
        assertTrue(rec.get("ERROR").get(0).startsWith("/etc/cloud/cloud.cfg.d/50-broken.cfg, line "), rec.toString());
        assertEquals(List.of("per_instance", "failing", "config_mod", "final_mod"), f.ran);
    }

    @Test
    void persistentRunDirIsClearedByInitLocalExceptTheStageGate() throws Exception {
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "").file("/run/cloud-init/stale", "x")
                .file("/run/cloud-init/share/network.start", "");
        f.plugins.ephemeralRun = false;
        assertEquals(0, f.run(s -> new InitStage(s, true).run()));
        assertFalse(f.exists("/run/cloud-init/stale"));
        assertTrue(f.exists("/run/cloud-init/share/network.start"), "the stage gate of this boot's process stays");
        assertTrue(f.exists("/run/cloud-init/.instance-id"));
    }
}
