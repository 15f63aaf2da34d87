package io.nubis.runtime.internal.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.module.Frequency;
import io.nubis.api.report.Reporter;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.modules.EngineModuleContext.ModuleEnvironment;
import io.nubis.runtime.internal.modules.ModuleEntry;
import io.nubis.runtime.internal.modules.ModuleInfo;
import io.nubis.runtime.internal.modules.ModulePlanner;
import io.nubis.runtime.internal.modules.ModuleRunner;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.state.Semaphores;

/**
 * {@code single --name M [--frequency F] [args...]}, as the reference's {@code main_single}: one
 * module, whatever list it is in, without the distro and activation-key filters, with its
 * semaphore; events only with {@code --report}. Exit 0 if it ran (or had already run), 1 if it
 * failed or does not exist.
 */
public final class SingleStage {
    private static final Logger LOG = LoggerFactory.getLogger("main");

    private final BootSession s;
    private final String name;
    private final String frequency;
    private final List<String> args;
    private final boolean report;

    public SingleStage(BootSession s, String name, String frequency, List<String> args, boolean report) {
        this.s = s;
        this.name = ModuleEntry.canonical(name);
        this.frequency = frequency;
        this.args = List.copyOf(args);
        this.report = report;
    }

    /** Runs the module; returns 0 or 1. */
    public int run() {
        SystemConfig sc = s.loadSystemConfig();
        CloudPaths paths = s.paths(sc.config().asMap());
        StageRunner.Stage st = new StageRunner.Stage(null, "single", "single/" + name, "running single module " + name,
                report);
        return StageRunner.run(s, paths, st, reporter -> work(sc, paths, reporter)) == 0 ? 0 : 1;
    }

    private StageRunner.Outcome work(SystemConfig sc, CloudPaths paths, Reporter reporter) {
        Map<String, Object> sys = sc.config().asMap();
        if (!args.isEmpty()) {
            LOG.debug("Using passed in arguments {}", args);
        }
        Frequency freq = null;
        if (frequency != null) {
            LOG.debug("Using passed in frequency {}", frequency);
            freq = Frequency.of(frequency);
        }
        Optional<IdentityResolver.Resolution> r = new IdentityResolver(s, sc, paths).resolve(null, reporter);
        if (r.isEmpty()) {
            String msg = "Can not apply single module " + name + ", no datasource found!";
            LOG.warn(msg);
            return new StageRunner.Outcome(List.of(msg), null);
        }
        CrawledData d = r.get().data();
        String desc = r.get().description();
        MergedConfig merged = ConfigAssembler.merge(s, sc, paths.instance(d.instanceId()),
                ConfigAssembler.InstanceConfigs.NONE);
        ModuleInfo info = s.plugins().modules().get(name);
        if (info == null) {
            String msg = "Did not run " + name + ", does it exist?";
            LOG.warn(msg);
            return new StageRunner.Outcome(List.of(msg), desc);
        }
        ModuleEntry entry = new ModuleEntry(name, null, args);
        List<ModulePlanner.Planned> one = new ArrayList<>();
        one.add(new ModulePlanner.Planned(entry, info, freq == null ? info.frequency() : freq));
        ModuleEnvironment env = new ModuleEnvironment(merged, InstanceDataStep.build(s, sys, d, desc),
                d.instanceId(), s.target(), s.runner(), s.distro(), s.output());
        ModuleRunner.Outcome o = new ModuleRunner(env, new Semaphores(s.target(), paths, d.instanceId()),
                info2 -> s.plugins().module(info2)).run(one, reporter, false);
        if (!o.failures().isEmpty()) {
            LOG.warn("Ran {} but it failed!", name);
        }
        return new StageRunner.Outcome(o.failures(), desc);
    }
}
