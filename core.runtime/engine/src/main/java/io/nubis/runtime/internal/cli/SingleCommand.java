package io.nubis.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.boot.SingleStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code single --name M [--frequency F] [--report] [args...]}: run one module; exit 0 or 1. */
@Command(name = "single", description = "Run a single module.")
final class SingleCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Option(names = {"-n", "--name"}, required = true, paramLabel = "NAME", description = "Module name to run.")
    String name;

    @Option(names = "--frequency", paramLabel = "FREQ", description = "Frequency of the module: instance, always, once.")
    String frequency;

    @Option(names = "--report", description = "Enable reporting.")
    boolean report;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Additional YAML configuration files to use.")
    List<String> files = new ArrayList<>();

    @Parameters(paramLabel = "ARG", description = "Arguments passed to the module.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        if (frequency != null && !List.of("instance", "always", "once").contains(frequency)) {
            parent.cli().err().println(parent.cli().prog() + " single: error: argument --frequency: invalid choice: '"
                    + frequency + "' (choose from 'instance', 'always', 'once')");
            return Cli.EXIT_USAGE;
        }
        return BootCommand.run(parent, false, files, s -> new SingleStage(s, name, frequency, args, report).run());
    }
}
