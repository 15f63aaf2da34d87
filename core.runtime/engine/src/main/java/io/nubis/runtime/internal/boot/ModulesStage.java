package io.nubis.runtime.internal.boot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.logging.LogMarkers;
import io.nubis.api.module.Stage;
import io.nubis.api.report.Reporter;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.modules.ModuleBatches;
import io.nubis.runtime.internal.paths.CloudPaths;

/**
 * {@code modules --mode config|final} (and the deprecated {@code init}), as the reference's
 * {@code main_modules}: the current instance from the cache, the merged config, then the mode's
 * module list. Nubis adds {@code --mode update}: every module of the three lists, in order, that
 * declares itself idempotent, ignoring and not writing semaphores, after rendering the network
 * config again and applying it if it changed; it is an operator action, so it writes no
 * {@code status.json}.
 */
public final class ModulesStage {
    private static final Logger LOG = LoggerFactory.getLogger("main");

    private final BootSession s;
    private final String mode;

    /** @param mode {@code config}, {@code final}, {@code init} or {@code update} */
    public ModulesStage(BootSession s, String mode) {
        this.s = s;
        this.mode = mode;
    }

    /** Runs the stage; returns the number of errors. */
    public int run() {
        SystemConfig sc = s.loadSystemConfig();
        CloudPaths paths = s.paths(sc.config().asMap());
        boolean update = "update".equals(mode);
        StageRunner.Stage st = new StageRunner.Stage(update ? null : "modules-" + mode, "modules:" + mode,
                "modules-" + mode, "running modules for " + mode, true);
        return StageRunner.run(s, paths, st, reporter -> work(sc, paths, reporter));
    }

    private StageRunner.Outcome work(SystemConfig sc, CloudPaths paths, Reporter reporter) {
        if ("init".equals(mode)) {
            LOG.warn(LogMarkers.DEPRECATED, "`--mode init` is deprecated in 24.1 and scheduled to be removed in 29.1."
                    + " Use `cloud-init init` instead.");
        }
        Map<String, Object> sys = sc.config().asMap();
        s.output().path(OutputConfig.path(sys, "init".equals(mode) ? "init" : "final".equals(mode) ? "final" : "config",
                s.layout().outputLogFile()));
        IdentityResolver resolver = new IdentityResolver(s, sc, paths);
        Optional<IdentityResolver.Resolution> r = resolver.resolve(null, reporter);
        if (r.isEmpty()) {
            String msg = "Can not apply stage " + mode + ", no datasource found! Likely bad things to come!";
            LOG.warn(msg);
            s.err().println(msg);
            return new StageRunner.Outcome(s.options().force() ? List.of() : List.of(msg), null);
        }
        CrawledData d = r.get().data();
        String desc = r.get().description();
        Map<String, Object> instanceData = InstanceDataStep.build(s, sys, d, desc);
        MergedConfig merged = ConfigAssembler.merge(s, sc, paths.instance(d.instanceId()), s.consumed(d.instanceId()));
        s.hub().configure(merged.asMap().get("reporting"));
        List<String> keys = switch (mode) {
            case "init" -> List.of(Stage.NETWORK.moduleListKey());
            case "final" -> List.of(Stage.FINAL.moduleListKey());
            case "update" -> List.of(Stage.NETWORK.moduleListKey(), Stage.CONFIG.moduleListKey(),
                    Stage.FINAL.moduleListKey());
            default -> List.of(Stage.CONFIG.moduleListKey());
        };
        List<String> failures = new java.util.ArrayList<>();
        if ("update".equals(mode)) {
            failures.addAll(NetworkStep.update(s, sc, paths, d));
        }
        failures.addAll(ModuleStep.run(s, paths, merged, instanceData, d.instanceId(), mode, keys,
                "update".equals(mode), ModuleBatches.parallelAllowed(sys), reporter));
        return new StageRunner.Outcome(failures, desc);
    }
}
