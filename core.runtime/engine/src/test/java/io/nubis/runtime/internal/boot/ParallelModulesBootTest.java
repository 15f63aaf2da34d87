package io.nubis.runtime.internal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleException;
import io.nubis.runtime.internal.exec.PlanRunner;
import io.nubis.runtime.internal.exec.PlannedCommand;

/**
 * The config stage with two modules declaring disjoint resources, {@code left} and
 * {@code right}: {@code left} only finishes after {@code right} ran, which it can only do
 * when both run at the same time (one after the other, {@code left} would wait out the generous
 * timeout and fail).
 */
class ParallelModulesBootTest {
    @TempDir
    Path dir;

    final Map<String, String> threads = new ConcurrentHashMap<>();

    private BootFixture fixture(boolean leftWaits) {
        CountDownLatch rightRan = new CountDownLatch(1);
        BootFixture f = new BootFixture(dir).seed("instance-id: iid-1\n", "")
                .file("/etc/os-release", "ID=debian\n")
                .file("/etc/cloud/cloud.cfg.d/50-lists.cfg", "cloud_config_modules: [config_mod, left, right]\n");
        module(f, "left", "locale", ctx -> {
            try {
                if (leftWaits && !rightRan.await(60, TimeUnit.SECONDS)) {
                    throw new ModuleException("right never ran beside left");
                }
                ctx.runner().run(Command.of("locale-gen", "fr_FR.UTF-8"));
            } catch (InterruptedException | CommandException e) {
                throw new ModuleException(e.toString());
            }
        });
        module(f, "right", "timezone", ctx -> {
            try {
                ctx.runner().run(Command.of("timedatectl", "set-timezone", "UTC"));
            } catch (CommandException e) {
                throw new ModuleException(e.toString());
            }
            rightRan.countDown();
        });
        return f;
    }

    private void module(BootFixture f, String name, String resource, ConfigModule m) {
        f.plugins.module(name, Frequency.PER_INSTANCE, List.of(), true, ctx -> {
            threads.put(ctx.name(), Thread.currentThread().getName());
            m.run(ctx);
        });
        f.plugins.modules.put(name, f.plugins.modules.get(name).withTouches(List.of(resource)));
    }

    @Test
    void independentModulesRunAtTheSameTimeByDefault() throws Exception {
        BootFixture f = fixture(true);
        assertEquals(0, f.allStages());
        assertTrue(threads.get("left").startsWith("nubis-module-"), threads.toString());
        assertTrue(threads.get("right").startsWith("nubis-module-"), threads.toString());
        assertTrue(f.log().contains("Running modules [left, right] at the same time"), f.log());
        assertTrue(f.exists("/var/lib/cloud/instances/iid-1/sem/config_left"));
        assertTrue(f.exists("/var/lib/cloud/instances/iid-1/sem/config_right"));
    }

    @Test
    void theImageMayTurnParallelModulesOff() throws Exception {
        BootFixture f = fixture(false).file("/etc/cloud/cloud.cfg.d/90-serial.cfg", "nubis: {parallel_modules: false}\n");
        assertEquals(0, f.allStages());
        assertEquals(2, threads.size());
        threads.forEach((name, thread) -> assertFalse(thread.startsWith("nubis-module-"), name + " ran on " + thread));
        assertFalse(f.log().contains("at the same time"), f.log());
    }

    @Test
    void planModeListsTheCommandsInPlanOrder() throws Exception {
        BootFixture f = fixture(true);
        List<PlannedCommand> recorded = new java.util.ArrayList<>();
        assertEquals(0, f.run(true, s -> {
            int rc = AllStages.run(s);
            recorded.addAll(assertInstanceOf(PlanRunner.class, s.runner()).recorded());
            return rc;
        }));
        assertEquals(List.of("locale-gen fr_FR.UTF-8", "timedatectl set-timezone UTC"),
                recorded.stream().map(PlannedCommand::display).toList());
    }
}
