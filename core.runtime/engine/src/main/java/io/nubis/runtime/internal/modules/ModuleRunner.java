package io.nubis.runtime.internal.modules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.report.Reporter;
import io.nubis.api.report.Result;
import io.nubis.runtime.internal.modules.EngineModuleContext.ModuleEnvironment;
import io.nubis.runtime.internal.report.EventReporter;
import io.nubis.runtime.internal.state.PyRepr;
import io.nubis.runtime.internal.state.Semaphores;

/**
 * Runs planned modules one after the other as the reference's {@code Modules._run_modules}: for
 * each, a {@code config-NAME} reporting scope, the semaphore check ({@code config_NAME}), the
 * module through its service, and the semaphore written only after the module succeeded. A
 * failing module is logged (WARNING, with the stack trace at DEBUG) and recorded; the others still
 * run. In update mode semaphores are neither checked nor written.
 */
public final class ModuleRunner {
    private static final Logger LOG = LoggerFactory.getLogger("modules");

    private final ModuleEnvironment env;
    private final Semaphores semaphores;
    private final Function<ModuleInfo, ConfigModule> services;

    /**
     * @param env        what the modules share
     * @param semaphores the semaphores of the current instance
     * @param services   gets a module's service, activating it (throws if it cannot)
     */
    public ModuleRunner(ModuleEnvironment env, Semaphores semaphores, Function<ModuleInfo, ConfigModule> services) {
        this.env = env;
        this.semaphores = semaphores;
        this.services = services;
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

    /** Runs the modules in order. */
    public Outcome run(List<ModulePlanner.Planned> modules, Reporter stage, boolean updateMode) {
        List<String> ran = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ModulePlanner.Planned p : modules) {
            String name = p.name();
            Frequency freq = p.frequency();
            String runName = "config-" + name;
            LOG.debug("Running module {} ({}) with frequency {}", name, p.info().bundle(), freq.id());
            Reporter.Scope scope = stage.start(runName, "running " + runName + " with frequency " + freq.id());
            try {
                if (!updateMode && semaphores.hasRun(runName, freq)) {
                    LOG.debug("{} already ran (freq={})", runName, freq.id());
                    message(scope, runName + " previously ran");
                    ran.add(name);
                    continue;
                }
                ConfigModule module = services.apply(p.info());
                EngineModuleContext ctx = new EngineModuleContext(name, env, scope.children(), freq, updateMode,
                        p.entry().args());
                long start = System.nanoTime();
                module.run(ctx);
                LOG.debug("{} ran in {} ms", runName, (System.nanoTime() - start) / 1_000_000);
                if (!updateMode) {
                    markRan(runName, freq);
                }
                message(scope, runName + " ran successfully");
                ran.add(name);
            } catch (Exception | LinkageError e) {
                LOG.warn("Running module {} ({}) failed: {}", name, p.info().bundle(), describe(e));
                LOG.debug("Running module {} failed", name, e);
                scope.result(Result.FAIL, null);
                failures.add(PyRepr.failure(name, e));
            } finally {
                scope.close();
            }
        }
        return new Outcome(ran, failures);
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
}
