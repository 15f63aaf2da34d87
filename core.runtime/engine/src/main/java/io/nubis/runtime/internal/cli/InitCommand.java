package io.nubis.runtime.internal.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.boot.InitStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code init [--local]}: the init-local or init-network stage; exit code = number of errors. */
@Command(name = "init", description = "Initialize the instance: find the datasource, consume user-data, run the init modules.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Option(names = {"-l", "--local"}, description = "Start in local mode (only local datasources, before networking).")
    boolean local;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Additional YAML configuration files to use.")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        return BootCommand.run(parent, true, files, s -> new InitStage(s, local).run());
    }
}
