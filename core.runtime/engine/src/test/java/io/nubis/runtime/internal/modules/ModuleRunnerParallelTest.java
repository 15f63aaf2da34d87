package io.nubis.runtime.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;
import io.nubis.runtime.internal.exec.PlanRunner;
import io.nubis.runtime.internal.exec.PlannedCommand;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.report.EventHub;
import io.nubis.runtime.internal.report.EventReporter;
import io.nubis.runtime.internal.state.Semaphores;
import io.nubis.runtime.internal.target.ChrootTarget;

/**
 * Modules running at the same time. Overlap is proven with barriers the modules can only pass
 * together (run one after the other, the first would wait out the generous timeout and fail);
 * modules that must run alone are shown to run on the calling thread.
 */
class ModuleRunnerParallelTest {
    static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    ChrootTarget target;
    Semaphores sems;
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Thread> threads = new ConcurrentHashMap<>();
    EventReporter top;

    /** A module body that may throw anything a test needs. */
    interface Body {
        void run(ModuleContext ctx) throws Exception;
    }

    @BeforeEach
    void setUp() throws Exception {
        target = new ChrootTarget(dir, false);
        sems = new Semaphores(target, new CloudPaths("/var/lib/cloud", "/run/cloud-init"), "iid");
        EventHub hub = new EventHub(type -> Optional.of(new ReportingHandler() {
            @Override
            public void publish(ReportEvent e, Map<String, Object> c) {
                events.add(e.asString());
            }
        }));
        hub.configure(Map.of("logging", false, "rec", Map.of("type", "recording")));
        top = new EventReporter(hub, true, () -> 0);
    }

    static ModulePlanner.Planned planned(String name, String... touches) {
        return ModuleBatchesTest.planned(name, touches);
    }

    ModuleRunner runner(CommandRunner commands, boolean parallel, Map<String, Body> modules) {
        EngineModuleContext.ModuleEnvironment env = new EngineModuleContext.ModuleEnvironment(
                MergedConfig.of("t", Map.of()), Map.of(), "iid", target, commands, null, l -> { });
        return new ModuleRunner(env, sems, info -> {
            Body m = modules.get(info.name());
            return (ConfigModule) ctx -> {
                threads.put(ctx.name(), Thread.currentThread());
                try {
                    m.run(ctx);
                } catch (ModuleException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new ModuleException(e.toString(), e);
                }
            };
        }, parallel);
    }

    static void await(CyclicBarrier b) throws ModuleException {
        try {
            b.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ModuleException("the other module never ran beside this one: " + e);
        }
    }

    static void await(CountDownLatch l) throws ModuleException {
        try {
            if (!l.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ModuleException("timed out");
            }
        } catch (InterruptedException e) {
            throw new ModuleException("interrupted");
        }
    }

    boolean semaphore(String name) {
        return target.exists("/var/lib/cloud/instances/iid/sem/config_" + name);
    }

    @Test
    void modulesWithDisjointResourcesRunAtTheSameTimeOnThreadsThatEndWithTheRun() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Body meet = ctx -> await(together);
        ModuleRunner.Outcome o = runner(null, true, Map.of("locale", meet, "timezone", meet))
                .run(List.of(planned("locale", "locale"), planned("timezone", "timezone")), top, false);
        assertEquals(List.of("locale", "timezone"), o.ran());
        assertEquals(List.of(), o.failures());
        assertTrue(semaphore("locale") && semaphore("timezone"));
        for (Thread t : threads.values()) {
            assertTrue(t.getName().startsWith("nubis-module-"), t.getName());
            assertTrue(t.isDaemon());
            t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertFalse(t.isAlive(), t.getName() + " still runs after the stage");
        }
    }

    @Test
    void conflictingOrUndeclaredModulesRunAloneOnTheCallingThread() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Body count = ctx -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.yield();
            running.decrementAndGet();
        };
        List<ModulePlanner.Planned> plan = List.of(planned("users_groups", "users", "ssh"), planned("ssh", "ssh"),
                planned("bootcmd"), planned("locale", "locale"), planned("write_files"), planned("timezone", "timezone"),
                planned("final_message"));
        Map<String, Body> modules = new ConcurrentHashMap<>();
        plan.forEach(p -> modules.put(p.name(), count));
        ModuleRunner.Outcome o = runner(null, true, modules).run(plan, top, false);
        assertEquals(plan.stream().map(ModulePlanner.Planned::name).toList(), o.ran());
        assertEquals(1, most.get());
        threads.forEach((name, t) -> assertEquals(Thread.currentThread(), t, name));
    }

    @Test
    void aFailureLeavesTheOthersRunningAndOutcomesFollowThePlanNotTheFinishingOrder() throws Exception {
        sems.mark("config-hosts", Frequency.PER_INSTANCE);
        CountDownLatch lastDone = new CountDownLatch(1);
        Map<String, Body> modules = Map.of(
                "first", ctx -> await(lastDone),
                "broken", ctx -> {
                    throw new ModuleException("broken: nothing to do");
                },
                "hosts", ctx -> {
                    throw new AssertionError("had run already");
                },
                "last", ctx -> lastDone.countDown());
        ModuleRunner.Outcome o = runner(null, true, modules).run(List.of(planned("first", "locale"),
                planned("broken", "timezone"), planned("hosts", "hosts"), planned("last", "network")), top, false);
        assertEquals(List.of("first", "hosts", "last"), o.ran());
        assertEquals(List.of("('broken', ModuleException('broken: nothing to do'))"), o.failures());
        assertTrue(semaphore("first") && semaphore("last"));
        assertFalse(semaphore("broken"));
        assertFalse(threads.containsKey("hosts"));
        assertTrue(threads.get("first").getName().startsWith("nubis-module-"));
        // scopes open in plan order before any module starts; a finished one closes at once
        assertEquals(List.of("start: config-first: running config-first with frequency once-per-instance",
                "start: config-broken: running config-broken with frequency once-per-instance",
                "start: config-hosts: running config-hosts with frequency once-per-instance",
                "finish: config-hosts: SUCCESS: config-hosts previously ran",
                "start: config-last: running config-last with frequency once-per-instance"), events.subList(0, 5));
        assertTrue(events.contains("finish: config-broken: FAIL: running config-broken with frequency once-per-instance"));
        assertTrue(events.contains("finish: config-first: SUCCESS: config-first ran successfully"));
        assertTrue(events.contains("finish: config-last: SUCCESS: config-last ran successfully"));
    }

    @Test
    void updateModeWritesNoSemaphoresAlsoForModulesRunningTogether() {
        CyclicBarrier together = new CyclicBarrier(2);
        Body meet = ctx -> await(together);
        ModuleRunner.Outcome o = runner(null, true, Map.of("locale", meet, "timezone", meet))
                .run(List.of(planned("locale", "locale"), planned("timezone", "timezone")), top, true);
        assertEquals(List.of("locale", "timezone"), o.ran());
        assertFalse(semaphore("locale") || semaphore("timezone"));
    }

    @Test
    void planModeRecordsTheCommandsOfModulesRunningTogetherInPlanOrder() {
        PlanRunner plan = new PlanRunner(target, true);
        CountDownLatch secondDone = new CountDownLatch(1);
        Map<String, Body> modules = Map.of(
                "before", ctx -> ctx.runner().run(Command.of("echo", "before")),
                "locale", ctx -> {
                    await(secondDone);
                    ctx.runner().run(Command.of("locale-gen", "fr_FR.UTF-8"));
                    ctx.runner().run(Command.of("update-locale", "LANG=fr_FR.UTF-8"));
                },
                "timezone", ctx -> {
                    assertTrue(ctx.runner().planMode());
                    ctx.runner().run(Command.of("timedatectl", "set-timezone", "UTC"));
                    secondDone.countDown();
                },
                "after", ctx -> ctx.runner().run(Command.of("echo", "after")));
        ModuleRunner.Outcome o = runner(plan, true, modules).run(List.of(planned("before"), planned("locale", "locale"),
                planned("timezone", "timezone"), planned("after")), top, false);
        assertEquals(List.of(), o.failures());
        assertEquals(List.of("echo before", "locale-gen fr_FR.UTF-8", "update-locale LANG=fr_FR.UTF-8",
                "timedatectl set-timezone UTC", "echo after"),
                plan.recorded().stream().map(PlannedCommand::display).toList());
    }

    @Test
    void withoutParallelEveryModuleRunsOnTheCallingThread() {
        Body nothing = ctx -> { };
        ModuleRunner.Outcome o = runner(null, false, Map.of("locale", nothing, "timezone", nothing))
                .run(List.of(planned("locale", "locale"), planned("timezone", "timezone")), top, false);
        assertEquals(List.of("locale", "timezone"), o.ran());
        assertEquals(Thread.currentThread(), threads.get("locale"));
        assertEquals(Thread.currentThread(), threads.get("timezone"));
    }
}
