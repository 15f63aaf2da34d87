package io.nubis.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.clean.CleanRequest;
import io.nubis.runtime.internal.clean.CleanTool;
import io.nubis.runtime.internal.clean.WiredCleanEnvironment;
import io.nubis.runtime.internal.config.ConfigLayout;
import io.nubis.runtime.internal.config.Finding;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.config.SystemConfigLoader;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.exec.ExecRunner;
import io.nubis.runtime.internal.target.ChrootTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code clean}: remove logs, configs and artifacts so the agent runs again (see {@link CleanTool}). */
@Command(name = "clean", description = "Remove logs, configs and artifacts so cloud-init re-runs on a clean system")
final class CleanCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-l", "--logs"}, description = "Remove cloud-init logs.")
    boolean logs;

    @Option(names = "--machine-id", description = "Set /etc/machine-id to 'uninitialized\\n' for golden image"
            + " creation. On next boot, systemd generates a new machine-id. Remove /etc/machine-id on non-systemd"
            + " environments.")
    boolean machineId;

    @Option(names = {"-r", "--reboot"}, description = "Reboot system after logs are cleaned so cloud-init re-runs.")
    boolean reboot;

    @Option(names = {"-s", "--seed"}, description = "Remove cloud-init seed directory /var/lib/cloud/seed.")
    boolean seed;

    @Option(names = {"-c", "--configs"}, arity = "1..*", paramLabel = "{all,ssh_config,network,datasource,fstab}",
            description = "Remove cloud-init generated config files of a certain type.")
    List<String> configs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        for (String c : configs) {
            if (!CleanRequest.CONFIG_TYPES.contains(c)) {
                throw new ParameterException(spec.commandLine(), "argument -c/--configs: invalid choice: '" + c
                        + "' (choose from 'all', 'ssh_config', 'network', 'datasource', 'fstab')");
            }
        }
        ChrootTarget target = new ChrootTarget(Path.of(parent.root()));
        ToolPaths paths = ToolPaths.lookup(parent.cli().catalog(), target);
        CleanRequest req = new CleanRequest(logs, seed, machineId, reboot, new LinkedHashSet<>(configs));
        CleanTool tool = new CleanTool(target, paths, new ExecRunner(target),
                new WiredCleanEnvironment(parent.cli().catalog(), target), parent.cli().err());
        return tool.run(req, logs ? systemConfig(target, paths) : Map.of());
    }

    /** The system config, for the log file names; problems in it are printed and the rest is used. */
    private Map<String, Object> systemConfig(ChrootTarget target, ToolPaths paths) {
        SystemConfig sc = new SystemConfigLoader(target, new ConfigLayout(paths.configDir(), paths.runDir())).load();
        for (Finding f : sc.findings()) {
            new ConsoleLog(parent.cli().err(), "clean.py").warning(String.valueOf(f));
        }
        return sc.config().asMap();
    }
}
