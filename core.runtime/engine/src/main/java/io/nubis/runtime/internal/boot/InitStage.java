package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.module.Stage;
import io.nubis.api.report.Reporter;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.modules.ModuleBatches;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.schema.SchemaValidator;
import io.nubis.runtime.internal.schema.SchemaVerdictCache;
import io.nubis.runtime.internal.state.JsonFiles;

/**
 * {@code init} and {@code init --local}, as the reference's {@code main_init}: create the state
 * directories, find the datasource (see {@link IdentityResolver}), record the instance and its
 * instance data, and, when the datasource's {@code dsmode} is this stage's, store and consume
 * user-data and vendor-data and run {@code cloud_init_modules}. A datasource in {@code net} mode
 * found by the local stage is left for the network stage, one in {@code local} mode found
 * earlier makes the network stage exit early.
 */
public final class InitStage {
    private static final Logger LOG = LoggerFactory.getLogger("main");
    /** The last boot's schema verdict, in the data directory ({@link SchemaVerdictCache}). */
    static final String SCHEMA_VERDICT = "nubis-schema-verdict.json";

    private final BootSession s;
    private final boolean local;

    public InitStage(BootSession s, boolean local) {
        this.s = s;
        this.local = local;
    }

    /** Runs the stage; returns the number of errors. */
    public int run() {
        SystemConfig sc = s.loadSystemConfig();
        CloudPaths paths = s.paths(sc.config().asMap());
        if (local) {
            clearPersistentRunDir(paths);
        }
        StageRunner.Stage st = local
                ? new StageRunner.Stage("init-local", "init-local", "init-local", "searching for local datasources", true)
                : new StageRunner.Stage("init", "init", "init-network", "searching for network datasources", true);
        return StageRunner.run(s, paths, st, reporter -> work(sc, paths, reporter));
    }

    /**
     * On layouts whose run directory survives reboots (FreeBSD), init-local empties it first, except
     * {@code share}: the stage gate's FIFOs, which this boot's process made before the stage.
     */
    private void clearPersistentRunDir(CloudPaths paths) {
        if (s.layout().ephemeralRun()) {
            return;
        }
        try {
            for (String name : s.target().list(paths.runDir())) {
                if (name.equals("share")) {
                    continue;
                }
                s.target().deleteTree(paths.run(name));
            }
            LOG.debug("Cleared the persistent run directory {}", paths.runDir());
        } catch (IOException e) {
            LOG.warn("Cannot clear the run directory {}: {}", paths.runDir(), e.getMessage());
        }
    }

    private StageRunner.Outcome work(SystemConfig sc, CloudPaths paths, Reporter reporter) throws IOException {
        Map<String, Object> sys = sc.config().asMap();
        s.output().path(OutputConfig.path(sys, "init", s.layout().outputLogFile()));
        for (String d : paths.initDirs()) {
            s.target().mkdirs(d, 0755);
        }
        s.target().mkdirs(paths.runDir(), 0755);
        if (local) {
            s.target().delete(paths.instanceLink() + "/boot-finished");
        }
        IdentityResolver resolver = new IdentityResolver(s, sc, paths);
        Optional<IdentityResolver.Resolution> r = resolver.resolve(local ? Stage.LOCAL : Stage.NETWORK, reporter);
        if (r.isEmpty()) {
            if (local) {
                LOG.debug("No local datasource found");
                NetworkStep.run(s, sc, paths, null, true, false, true);
                return new StageRunner.Outcome(List.of(), null);
            }
            LOG.warn("No instance datasource found! Likely bad things to come!");
            if (s.options().force()) {
                return new StageRunner.Outcome(List.of(), null);
            }
            LOG.debug("[{}] Exiting without datasource", "net");
            return new StageRunner.Outcome(List.of("No instance datasource found."), null);
        }
        CrawledData d = r.get().data();
        String desc = r.get().description();
        String stageId = local ? "local" : "network";
        String previous = resolver.store().reflect(d, desc, stageId);
        boolean newInstance = !d.instanceId().equals(previous);
        LOG.debug("Instance {} ({}){}", d.instanceId(), r.get().how(), newInstance ? ", new instance" : "");
        Map<String, Object> instanceData = InstanceDataStep.write(s, paths, sys, d, desc);
        NetworkStep.run(s, sc, paths, d, newInstance, "search".equals(r.get().how()), local);
        if (local && newInstance) {
            ModulePreparation.run(s, paths, sc.config(), instanceData, d.instanceId(), reporter);
        }
        String mode = local ? "local" : "net";
        if (!mode.equals(d.dsmode())) {
            LOG.debug("[{}] Exiting. datasource {} not in {} mode.", mode, desc, local ? "local" : "network");
            return new StageRunner.Outcome(List.of(), desc);
        }
        CloudPaths.Instance inst = paths.instance(d.instanceId());
        UserDataStep ud = new UserDataStep(s, paths, inst, d, instanceData, sys);
        ud.store(reporter);
        ConfigAssembler.InstanceConfigs configs = ud.consume(reporter);
        s.consumed(d.instanceId(), configs);
        MergedConfig merged = ConfigAssembler.merge(s, sc, inst, configs);
        writeCombined(paths, merged);
        HotplugHook.recordForHook(s, paths, d, merged);
        s.hub().configure(merged.asMap().get("reporting"));
        SchemaValidator validator = new SchemaValidator(s.plugins().schemaFragments());
        SchemaVerdictCache verdicts = new SchemaVerdictCache(s.target(), paths.data(SCHEMA_VERDICT));
        Thread background = null;
        if (SchemaValidator.errorsAreFatal(sys)) {
            if (validator.validateAtBoot(merged.asMap(), sys, verdicts).fatal()) {
                return new StageRunner.Outcome(List.of("schema: invalid cloud-config and schema errors are fatal on"
                        + " this image (nubis: {schema_errors: fatal}); no modules ran"), desc);
            }
        } else {
            // the verdict only informs the log here: validate beside the modules (the config is frozen)
            background = new Thread(() -> validator.validateAtBoot(merged.asMap(), sys, verdicts), "nubis-schema");
            background.setDaemon(true);
            background.start();
        }
        List<String> failures = ModuleStep.run(s, paths, merged, instanceData, d.instanceId(), "init",
                List.of(Stage.NETWORK.moduleListKey()), false, ModuleBatches.parallelAllowed(sys), reporter);
        if (background != null) {
            try {
                background.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new StageRunner.Outcome(failures, desc);
    }

    /** {@code combined-cloud-config.json} (0600): the merged config with a note, as the reference. */
    private void writeCombined(CloudPaths paths, MergedConfig merged) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(merged.asMap());
        m.put("_doc", "Merged cloud-init system config from /etc/cloud/cloud.cfg and /etc/cloud/cloud.cfg.d/, "
                + "user-data and vendor-data");
        try {
            JsonFiles.write(s.target(), paths.combinedCloudConfigJson(),
                    io.nubis.runtime.internal.ds.CrawlCache.encode(m), FileAttributes.PRIVATE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", paths.combinedCloudConfigJson(), e.getMessage());
        }
    }
}
