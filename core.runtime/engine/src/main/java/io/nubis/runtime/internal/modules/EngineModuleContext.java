package io.nubis.runtime.internal.modules;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.distro.Distro;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.report.Reporter;
import io.nubis.api.target.TargetRoot;

/** The {@link ModuleContext} the engine gives a running module; every field is fixed for the run. */
public final class EngineModuleContext implements ModuleContext {
    private final String name;
    private final ModuleEnvironment env;
    private final Reporter reporter;
    private final Frequency frequency;
    private final boolean updateMode;
    private final List<String> args;
    private final Logger log;

    /**
     * @param name      module name
     * @param env       what every module of the stage shares
     * @param reporter  reporter for the module's nested events
     * @param frequency frequency in force
     * @param args      extra arguments
     */
    public EngineModuleContext(String name, ModuleEnvironment env, Reporter reporter, Frequency frequency,
            boolean updateMode, List<String> args) {
        this.name = name;
        this.env = env;
        this.reporter = reporter;
        this.frequency = frequency;
        this.updateMode = updateMode;
        this.args = List.copyOf(args);
        this.log = LoggerFactory.getLogger("cc_" + name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CloudConfig config() {
        return env.config();
    }

    @Override
    public Map<String, Object> instanceData() {
        return env.instanceData();
    }

    @Override
    public String instanceId() {
        return env.instanceId();
    }

    @Override
    public TargetRoot target() {
        return env.target();
    }

    @Override
    public CommandRunner runner() {
        return env.runner();
    }

    @Override
    public Distro distro() {
        return env.distro();
    }

    @Override
    public Reporter reporter() {
        return reporter;
    }

    @Override
    public Logger log() {
        return log;
    }

    @Override
    public Frequency frequency() {
        return frequency;
    }

    @Override
    public boolean updateMode() {
        return updateMode;
    }

    @Override
    public List<String> args() {
        return args;
    }

    @Override
    public void console(String line) {
        env.console().accept(line);
    }

    /**
     * What the modules of one stage share.
     *
     * @param config       merged config
     * @param instanceData instance data (reference structure)
     * @param instanceId   current instance id
     * @param target       target root
     * @param runner       command runner
     * @param distro       distro and adapters
     * @param console      console and output-log writer
     */
    public record ModuleEnvironment(CloudConfig config, Map<String, Object> instanceData, String instanceId,
            TargetRoot target, CommandRunner runner, Distro distro, Consumer<String> console) {
        /** The same environment with another command runner. */
        public ModuleEnvironment withRunner(CommandRunner other) {
            return new ModuleEnvironment(config, instanceData, instanceId, target, other, distro, console);
        }
    }
}
