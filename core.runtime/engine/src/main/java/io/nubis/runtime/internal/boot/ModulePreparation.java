package io.nubis.runtime.internal.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Stage;
import io.nubis.api.report.Reporter;
import io.nubis.runtime.internal.modules.EngineModuleContext;
import io.nubis.runtime.internal.modules.EngineModuleContext.ModuleEnvironment;
import io.nubis.runtime.internal.modules.ModuleEntry;
import io.nubis.runtime.internal.modules.ModulePlanner;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.state.Semaphores;

/**
 * At the end of a new instance's local stage, gives every module the boot's lists name that
 * declares {@code prepares} (and has not run for this instance) the chance to start slow work early ({@link ConfigModule#prepare}),
 * with the system config. The network stage may be seconds away (DHCP); what a module prepares
 * meanwhile (ssh: the RSA host key) is ready when it runs. Failures are logged at DEBUG only: the
 * module's run does the work itself then.
 */
final class ModulePreparation {
    private static final Logger LOG = LoggerFactory.getLogger("modules");

    private ModulePreparation() {
    }

    static void run(BootSession s, CloudPaths paths, CloudConfig systemConfig, Map<String, Object> instanceData,
            String instanceId, Reporter reporter) {
        List<ModuleEntry> entries = new ArrayList<>();
        for (Stage st : List.of(Stage.NETWORK, Stage.CONFIG, Stage.FINAL)) {
            entries.addAll(ModuleEntry.parse(st.moduleListKey(), systemConfig.asMap().get(st.moduleListKey()), p -> {
            }));
        }
        ModulePlanner.Plan plan = ModulePlanner.plan(entries, s.plugins().modules(), systemConfig,
                s.distroName(systemConfig.asMap()), false, w -> {
                });
        ModuleEnvironment env = new ModuleEnvironment(systemConfig, instanceData, instanceId, s.target(), s.runner(),
                s.distro(), s.output());
        Semaphores semaphores = new Semaphores(s.target(), paths, instanceId);
        for (ModulePlanner.Planned p : plan.modules()) {
            if (!p.info().prepares()) {
                continue; // declared in its service properties: the others are not even loaded
            }
            try {
                if (semaphores.hasRun("config-" + p.name(), p.frequency())) {
                    continue;
                }
                ConfigModule module = s.plugins().module(p.info());
                module.prepare(new EngineModuleContext(p.name(), env, reporter, p.frequency(), false, p.entry().args()));
            } catch (Exception | LinkageError e) {
                LOG.debug("Preparing module {} failed (its run will do the work): {}", p.name(), e.toString());
            }
        }
    }
}
