package io.nubis.runtime.internal.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.report.Reporter;
import io.nubis.runtime.internal.modules.EngineModuleContext.ModuleEnvironment;
import io.nubis.runtime.internal.modules.ModuleBatches;
import io.nubis.runtime.internal.modules.ModuleEntry;
import io.nubis.runtime.internal.modules.ModuleInfo;
import io.nubis.runtime.internal.modules.ModulePlanner;
import io.nubis.runtime.internal.modules.ModuleRunner;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.state.Semaphores;

/**
 * Runs a stage's module section as the reference's {@code run_module_section}: plan from the
 * module lists, log what was left out, run, and return the failures. With nothing to run it
 * says so on the console ({@code No 'config' modules to run under section 'cloud_config_modules'}).
 */
public final class ModuleStep {
    private static final Logger LOG = LoggerFactory.getLogger("modules");
    private static final Logger MAIN = LoggerFactory.getLogger("main");

    private ModuleStep() {
    }

    /**
     * @param action     the action name in messages ({@code init}, {@code config}, {@code final}, {@code update})
     * @param listKeys   module list keys, in order ({@code cloud_config_modules})
     * @param instanceId current instance id
     * @param parallel   whether independent modules may run at the same time ({@link ModuleBatches})
     */
    public static List<String> run(BootSession s, CloudPaths paths, CloudConfig config, Map<String, Object> instanceData,
            String instanceId, String action, List<String> listKeys, boolean updateMode, boolean parallel,
            Reporter reporter) {
        List<ModuleEntry> entries = new ArrayList<>();
        for (String key : listKeys) {
            entries.addAll(ModuleEntry.parse(key, config.asMap().get(key), p -> LOG.warn("{}", p)));
        }
        Map<String, ModuleInfo> available = s.plugins().modules();
        String distro = s.distroName(config.asMap());
        ModulePlanner.Plan plan = ModulePlanner.plan(entries, available, config, distro, updateMode,
                w -> LOG.warn("{}", w));
        logSkipped(plan, distro);
        ModuleEnvironment env = new ModuleEnvironment(config, instanceData, instanceId, s.target(), s.runner(),
                s.distro(), s.output());
        if (!parallel) {
            LOG.debug("Running modules one at a time (nubis: {parallel_modules: false})");
        }
        ModuleRunner runner = new ModuleRunner(env, new Semaphores(s.target(), paths, instanceId),
                info -> s.plugins().module(info), parallel);
        ModuleRunner.Outcome o = runner.run(plan.modules(), reporter, updateMode);
        String section = String.join(", ", listKeys);
        if (o.attempted() == 0) {
            String msg = "No '" + action + "' modules to run under section '" + section + "'";
            s.output().accept(msg);
            MAIN.debug(msg);
        } else {
            MAIN.debug("Ran {} modules with {} failures", o.ran().size(), o.failures().size());
        }
        return o.failures();
    }

    static void logSkipped(ModulePlanner.Plan plan, String distro) {
        if (!plan.notInAssembly().isEmpty()) {
            LOG.info("Skipping modules '{}' because they are not in this assembly.", String.join(",", plan.notInAssembly()));
        }
        if (!plan.inactive().isEmpty()) {
            LOG.info("Skipping modules '{}' because no applicable config is provided.", String.join(",", plan.inactive()));
        }
        if (!plan.unverified().isEmpty()) {
            LOG.info("Skipping modules '{}' because they are not verified on distro '{}'.  To run anyway, add them to "
                    + "'unverified_modules' in config.", String.join(",", plan.unverified()), distro);
        }
        if (!plan.forced().isEmpty()) {
            LOG.info("running unverified_modules: '{}'", String.join(", ", plan.forced()));
        }
        if (!plan.notIdempotent().isEmpty()) {
            LOG.info("Skipping modules '{}' in update mode because they are not idempotent.",
                    String.join(",", plan.notIdempotent()));
        }
    }
}
