package io.nubis.runtime.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleException;
import io.nubis.api.report.ReportEvent;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.report.EventHub;
import io.nubis.runtime.internal.report.EventReporter;
import io.nubis.runtime.internal.state.Semaphores;
import io.nubis.runtime.internal.target.ChrootTarget;

class ModuleRunnerTest {
    @TempDir
    Path dir;

    final List<String> events = new ArrayList<>();
    final List<String> ran = new ArrayList<>();

    private ModulePlanner.Planned planned(String name, Frequency f) {
        return new ModulePlanner.Planned(new ModuleEntry(name, null, List.of("arg")),
                new ModuleInfo(name, "config", f, false, List.of(), List.of("all"), List.of(), List.of(), "b", null), f);
    }

    @Test
    void runsInOrderRecordsFailuresAndWritesSemaphoresOnlyOnSuccess() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        CloudPaths paths = new CloudPaths("/var/lib/cloud", "/run/cloud-init");
        Semaphores sems = new Semaphores(t, paths, "iid");
        EventHub hub = new EventHub(type -> java.util.Optional.of(new io.nubis.api.report.ReportingHandler() {
            @Override
            public void publish(ReportEvent e, Map<String, Object> c) {
                events.add(e.asString());
            }
        }));
        hub.configure(Map.of("logging", false, "rec", Map.of("type", "recording")));
        EventReporter top = new EventReporter(hub, true, () -> 0);
        EventReporter.ScopeImpl stage = top.start("modules-config", "running modules for config");
        ConfigModule ok = ctx -> ran.add(ctx.name() + ctx.args());
        ConfigModule bad = ctx -> {
            ran.add(ctx.name());
            throw new ModuleException("ntp: servers must be a list");
        };
        EngineModuleContext.ModuleEnvironment env = new EngineModuleContext.ModuleEnvironment(
                MergedConfig.of("t", Map.of()), Map.of(), "iid", t, null, null, l -> { });
        ModuleRunner r = new ModuleRunner(env, sems, info -> info.name().equals("ntp") ? bad : ok);
        ModuleRunner.Outcome o = r.run(List.of(planned("locale", Frequency.PER_INSTANCE), planned("ntp", Frequency.PER_INSTANCE),
                planned("bootcmd", Frequency.ALWAYS)), stage.children(), false);
        stage.close();
        assertEquals(List.of("locale[arg]", "ntp", "bootcmd[arg]"), ran);
        assertEquals(List.of("locale", "bootcmd"), o.ran());
        assertEquals(List.of("('ntp', ModuleException('ntp: servers must be a list'))"), o.failures());
        assertTrue(t.exists("/var/lib/cloud/instances/iid/sem/config_locale"));
        assertFalse(t.exists("/var/lib/cloud/instances/iid/sem/config_ntp"));
        assertEquals(List.of(
                "start: modules-config: running modules for config",
                "start: modules-config/config-locale: running config-locale with frequency once-per-instance",
                "finish: modules-config/config-locale: SUCCESS: config-locale ran successfully",
                "start: modules-config/config-ntp: running config-ntp with frequency once-per-instance",
                "finish: modules-config/config-ntp: FAIL: running config-ntp with frequency once-per-instance",
                "start: modules-config/config-bootcmd: running config-bootcmd with frequency always",
                "finish: modules-config/config-bootcmd: SUCCESS: config-bootcmd ran successfully",
                "finish: modules-config: FAIL: running modules for config"), events);

        ran.clear();
        events.clear();
        o = r.run(List.of(planned("locale", Frequency.PER_INSTANCE)), top, false);
        assertEquals(List.of(), ran);
        assertEquals(List.of("locale"), o.ran());
        assertEquals("finish: config-locale: SUCCESS: config-locale previously ran", events.get(1));

        o = r.run(List.of(planned("locale", Frequency.PER_INSTANCE)), top, true);
        assertEquals(List.of("locale[arg]"), ran, "update mode ignores semaphores");
    }

    @Test
    void aModuleThatCannotActivateIsAFailure() throws Exception {
        ChrootTarget t = new ChrootTarget(dir, false);
        EngineModuleContext.ModuleEnvironment env = new EngineModuleContext.ModuleEnvironment(
                MergedConfig.of("t", Map.of()), Map.of(), "iid", t, null, null, l -> { });
        ModuleRunner r = new ModuleRunner(env, new Semaphores(t, new CloudPaths("/var/lib/cloud", "/run"), "iid"),
                info -> {
                    throw new IllegalStateException("nubis.module 'x' from bundle b failed to activate");
                });
        ModuleRunner.Outcome o = r.run(List.of(planned("x", Frequency.ONCE)),
                new EventReporter(new EventHub(type -> java.util.Optional.empty()), false, () -> 0), false);
        assertEquals(List.of("('x', IllegalStateException(\"nubis.module 'x' from bundle b failed to activate\"))"),
                o.failures());
        assertFalse(t.exists("/var/lib/cloud/sem/config_x.once"));
    }
}
