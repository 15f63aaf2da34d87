package io.nubis.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.distro.InitSystem;
import io.nubis.api.exec.Command;
import io.nubis.api.module.Frequency;
import io.nubis.api.report.Reporter;
import io.nubis.api.report.Result;

class TestModuleContextTest {
    @TempDir
    Path dir;

    @Test
    void configFromYamlWithTypedAccess() {
        TestModuleContext ctx = TestModuleContext.builder("package_update_upgrade_install")
                .config("packages:\n  - curl\n  - [vim, '2:9.0']\npackage_upgrade: 'yes'\n")
                .instanceData(Map.of("v1", Map.of("instance_id", "i-1")))
                .instanceId("i-1")
                .target(TempTarget.in(dir))
                .frequency(Frequency.ALWAYS)
                .args("a", "b")
                .build();
        assertEquals(List.of("curl", List.of("vim", "2:9.0")), ctx.config().list("packages"));
        assertEquals(true, ctx.config().bool("package_upgrade", false));
        assertEquals(Optional.of("test config"), ctx.config().sourceOf("packages"));
        assertEquals("i-1", ctx.instanceId());
        assertEquals(Map.of("instance_id", "i-1"), ctx.instanceData().get("v1"));
        assertEquals(Frequency.ALWAYS, ctx.frequency());
        assertEquals(List.of("a", "b"), ctx.args());
        assertEquals("cc_package_update_upgrade_install", ctx.log().getName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestModuleContext.builder("x").config("- a\n- b\n"));
        assertEquals("test config YAML must be a mapping, got a list", e.getMessage());
    }

    @Test
    void distroIsMadeOfTheGivenAdaptersAndDefaultsToARecordingRunner() throws Exception {
        InitSystem rc = new InitSystem() {
            public Command start(String s) { return Command.of("rc-service", s, "start"); }
            public Command stop(String s) { return Command.of("rc-service", s, "stop"); }
            public Command restart(String s) { return Command.of("rc-service", s, "restart"); }
            public Command reload(String s) { return Command.of("rc-service", s, "reload"); }
            public Command enable(String s) { return Command.of("rc-update", "add", s); }
            public Command disable(String s) { return Command.of("rc-update", "del", s); }
            public Command isActive(String s) { return Command.of("rc-service", s, "status"); }
            public Command powerState(String m, String d, String msg) { return Command.of("poweroff"); }
        };
        TestModuleContext ctx = TestModuleContext.builder("ssh").target(TempTarget.in(dir)).initSystem(rc).build();
        assertSame(rc, ctx.distro().initSystem());
        assertEquals("/var/lib/cloud", ctx.distro().layout().cloudDir());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> ctx.distro().users());
        assertEquals("the test gave no UserManager to TestModuleContext (use builder.users(...))", missing.getMessage());
        ctx.runner().run(ctx.distro().initSystem().restart("sshd"));
        RecordingRunner runner = assertInstanceOf(RecordingRunner.class, ctx.runner());
        assertEquals(List.of("rc-service sshd restart"), runner.commandLines());
        assertThrows(IllegalStateException.class, () -> TestModuleContext.builder("ssh").build());
    }

    @Test
    void recordsEventsWithPropagatedResultsAndConsoleLines() {
        TestModuleContext ctx = TestModuleContext.builder("users_groups").target(TempTarget.in(dir)).build();
        try (Reporter.Scope outer = ctx.reporter().start("create-users", "creating users")) {
            try (Reporter.Scope inner = outer.children().start("alice", "creating alice")) {
                inner.result(Result.WARN, "alice exists already");
            }
            try (Reporter.Scope ok = outer.children().start("bob", "creating bob")) {
                ok.result(Result.SUCCESS, null);
            }
        }
        ctx.console("ci-info: no authorized SSH keys fingerprints found for user alice.");
        assertEquals(List.of(
                "start: create-users: creating users",
                "start: create-users/alice: creating alice",
                "finish: create-users/alice: WARN: alice exists already",
                "start: create-users/bob: creating bob",
                "finish: create-users/bob: SUCCESS: creating bob",
                "finish: create-users: WARN: creating users"), ctx.events());
        assertEquals(List.of("ci-info: no authorized SSH keys fingerprints found for user alice."), ctx.consoleLines());
    }
}
