package io.nubis.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.boot.ModulesStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code modules --mode config|final}: a module stage; exit code = number of errors. {@code init}
 * is deprecated (a warning); {@code update} (a Nubis mode) re-runs the idempotent modules of
 * every list, ignoring semaphores.
 */
@Command(name = "modules", description = "Activate modules using a given configuration key.")
final class ModulesCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "config",
            description = "Module configuration name to use (default: ${DEFAULT-VALUE}): init (deprecated), config, final, update.")
    String mode;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Additional YAML configuration files to use.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        if (!List.of("init", "config", "final", "update").contains(mode)) {
            parent.cli().err().println(parent.cli().prog() + " modules: error: argument --mode/-m: invalid choice: '"
                    + mode + "' (choose from 'init', 'config', 'final', 'update')");
            return Cli.EXIT_USAGE;
        }
        return BootCommand.run(parent, !"update".equals(mode), files, s -> new ModulesStage(s, mode).run());
    }
}
