package io.nubis.runtime.internal.modules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.report.Reporter;
import io.nubis.api.report.Result;
import io.nubis.runtime.internal.exec.PlanRunner;
import io.nubis.runtime.internal.modules.EngineModuleContext.ModuleEnvironment;
import io.nubis.runtime.internal.report.EventReporter;
import io.nubis.runtime.internal.state.PyRepr;
import io.nubis.runtime.internal.state.Semaphores;

/**
 * Runs planned modules as the reference's {@code Modules._run_modules}: for each, a
 * {@code config-NAME} reporting scope, the semaphore check ({@code config_NAME}), the module
 * through its service, and the semaphore written only after the module succeeded. A failing
 * module is logged (WARNING, with the stack trace at DEBUG) and recorded; the others still run.
 * In update mode semaphores are neither checked nor written.
 * <p>
 * When parallel, the modules of each {@link ModuleBatches batch} of more than one run at the same
 * time on daemon threads ({@code nubis-module-N}, at most {@link #MAX_THREADS}, gone when
 * {@link #run} returns). Their scopes are opened, semaphores checked and services got on the
 * calling thread, in plan order, before any of them starts; in plan mode each records its
 * commands in a place reserved in that order. Outcomes are always in plan order.
 */
public final class ModuleRunner {
    /** Threads at most for modules running at the same time. */
    static final int MAX_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final Logger LOG = LoggerFactory.getLogger("modules");

    private final ModuleEnvironment env;
    private final Semaphores semaphores;
    private final Function<ModuleInfo, ConfigModule> services;
    private final boolean parallel;

    /**
     * A runner that runs the modules one after the other.
     *
     * @param env        what the modules share
     * @param semaphores the semaphores of the current instance
     * @param services   gets a module's service, activating it (throws if it cannot)
     */
    public ModuleRunner(ModuleEnvironment env, Semaphores semaphores, Function<ModuleInfo, ConfigModule> services) {
        this(env, semaphores, services, false);
    }

    /**
     * @param env        what the modules share
     * @param semaphores the semaphores of the current instance
     * @param services   gets a module's service, activating it (throws if it cannot)
     * @param parallel   whether batches of independent modules run at the same time
     */
    public ModuleRunner(ModuleEnvironment env, Semaphores semaphores, Function<ModuleInfo, ConfigModule> services,
            boolean parallel) {
        this.env = env;
        this.semaphores = semaphores;
        this.services = services;
        this.parallel = parallel;
    }

    /**
     * What ran.
     *
     * @param ran      modules attempted successfully (including those whose semaphore said they had run)
     * @param failures failed modules, as the reference's error strings
     */
    public record Outcome(List<String> ran, List<String> failures) {
        /** Modules attempted. */
        public int attempted() {
            return ran.size() + failures.size();
        }
    }

    /** Runs the modules in plan order, batches of independent ones at the same time if parallel. */
    public Outcome run(List<ModulePlanner.Planned> modules, Reporter stage, boolean updateMode) {
        List<String> ran = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = null;
        try {
            for (List<ModulePlanner.Planned> batch : parallel ? ModuleBatches.of(modules)
                    : ModuleBatches.serial(modules)) {
                List<Done> done;
                if (batch.size() == 1) {
                    done = List.of(runAlone(batch.get(0), stage, updateMode));
                } else {
                    if (pool == null) {
                        pool = pool();
                    }
                    done = runTogether(batch, stage, updateMode, pool);
                }
                for (Done d : done) {
                    if (d.failure() == null) {
                        ran.add(d.name());
                    } else {
                        failures.add(d.failure());
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Outcome(ran, failures);
    }

    private Done runAlone(ModulePlanner.Planned p, Reporter stage, boolean updateMode) {
        Started s = start(p, stage, updateMode, env);
        return s instanceof Job j ? execute(j) : (Done) s;
    }

    private List<Done> runTogether(List<ModulePlanner.Planned> batch, Reporter stage, boolean updateMode,
            ExecutorService pool) {
        LOG.debug("Running modules {} at the same time", batch.stream().map(ModulePlanner.Planned::name).toList());
        List<Started> started = new ArrayList<>();
        for (ModulePlanner.Planned p : batch) {
            started.add(start(p, stage, updateMode, env.withRunner(reserve(env.runner()))));
        }
        List<Future<Done>> futures = new ArrayList<>();
        for (Started s : started) {
            futures.add(s instanceof Job j ? pool.submit(() -> execute(j)) : null);
        }
        List<Done> done = new ArrayList<>();
        Error error = null;
        for (int i = 0; i < started.size(); i++) {
            Future<Done> f = futures.get(i);
            try {
                done.add(f == null ? (Done) started.get(i) : await(f));
            } catch (Error e) {
                error = error == null ? e : error;
            }
        }
        if (error != null) {
            throw error;
        }
        return done;
    }

    /** In plan mode, a place in the record for one of the modules running at the same time. */
    private static CommandRunner reserve(CommandRunner runner) {
        return runner instanceof PlanRunner p ? p.reserve() : runner;
    }

    /**
     * Opens the module's scope, checks its semaphore and gets its service: a {@link Job} to run, or
     * a {@link Done} (scope closed) if it had run or cannot activate.
     */
    private Started start(ModulePlanner.Planned p, Reporter stage, boolean updateMode, ModuleEnvironment moduleEnv) {
        String name = p.name();
        Frequency freq = p.frequency();
        String runName = "config-" + name;
        LOG.debug("Running module {} ({}) with frequency {}", name, p.info().bundle(), freq.id());
        Reporter.Scope scope = stage.start(runName, "running " + runName + " with frequency " + freq.id());
        try {
            if (!updateMode && semaphores.hasRun(runName, freq)) {
                LOG.debug("{} already ran (freq={})", runName, freq.id());
                message(scope, runName + " previously ran");
                scope.close();
                return new Done(name, null);
            }
            ConfigModule module = services.apply(p.info());
            EngineModuleContext ctx = new EngineModuleContext(name, moduleEnv, scope.children(), freq, updateMode,
                    p.entry().args());
            return new Job(p, scope, module, ctx);
        } catch (Exception | LinkageError e) {
            Done d = failed(p, scope, e);
            scope.close();
            return d;
        }
    }

    private Done execute(Job j) {
        String runName = "config-" + j.planned().name();
        try {
            long start = System.nanoTime();
            j.module().run(j.ctx());
            LOG.debug("{} ran in {} ms", runName, (System.nanoTime() - start) / 1_000_000);
            if (!j.ctx().updateMode()) {
                markRan(runName, j.planned().frequency());
            }
            message(j.scope(), runName + " ran successfully");
            return new Done(j.planned().name(), null);
        } catch (Exception | LinkageError e) {
            return failed(j.planned(), j.scope(), e);
        } finally {
            j.scope().close();
        }
    }

    private static Done failed(ModulePlanner.Planned p, Reporter.Scope scope, Throwable e) {
        LOG.warn("Running module {} ({}) failed: {}", p.name(), p.info().bundle(), describe(e));
        LOG.debug("Running module {} failed", p.name(), e);
        scope.result(Result.FAIL, null);
        return new Done(p.name(), PyRepr.failure(p.name(), e));
    }

    /** Waits for a module running beside others, whatever interrupts; rethrows an {@link Error} it threw. */
    private static Done await(Future<Done> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExecutorService pool() {
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return Executors.newFixedThreadPool(MAX_THREADS, r -> {
            Thread t = new Thread(r, "nubis-module-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
    }

    private void markRan(String runName, Frequency freq) {
        try {
            semaphores.mark(runName, freq);
        } catch (IOException e) {
            LOG.warn("Cannot write the semaphore of {}: {}", runName, e.getMessage());
        }
    }

    private static void message(Reporter.Scope scope, String msg) {
        if (scope instanceof EventReporter.ScopeImpl s) {
            s.message(msg);
        } else {
            scope.result(Result.SUCCESS, msg);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A module after {@link #start}. */
    private sealed interface Started permits Job, Done {
    }

    /** A module ready to run: its scope is open and its service got. */
    private record Job(ModulePlanner.Planned planned, Reporter.Scope scope, ConfigModule module,
            EngineModuleContext ctx) implements Started {
    }

    /**
     * What became of a module.
     *
     * @param name    module name
     * @param failure the reference's error string, or null if it ran (or had run)
     */
    private record Done(String name, String failure) implements Started {
    }
}
