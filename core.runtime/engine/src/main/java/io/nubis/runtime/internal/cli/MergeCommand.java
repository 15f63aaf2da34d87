package io.nubis.runtime.internal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.boot.BootOptions;
import io.nubis.runtime.internal.boot.BootSession;
import io.nubis.runtime.internal.boot.Clock;
import io.nubis.runtime.internal.boot.ConfigExplain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code merge} (also {@code devel merge}): prints the coalesced cloud-config the stages would
 * use and, for each key path, the file or user-data part that set it.
 */
@Command(name = "merge", description = "Print the merged cloud-config and where each key came from.")
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    Object parent;

    @Option(names = {"-u", "--user-data"}, paramLabel = "FILE",
            description = "Merge this user-data (any format) instead of the current instance's cloud-config.")
    Path userData;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Additional YAML configuration files.")
    List<String> files = new ArrayList<>();

    @Option(names = "--yaml-only", description = "Print only the merged cloud-config, without provenance.")
    boolean yamlOnly;

    @Override
    public Integer call() throws Exception {
        RootCommand root = parent instanceof DevelCommand d ? d.parent : (RootCommand) parent;
        Cli cli = root.cli();
        BootOptions opts = new BootOptions(Path.of(root.root()), true, root.debug, files, root.force);
        try (BootSession s = BootSession.open(opts, cli.plugins(), Clock.system(), cli.out(), cli.err())) {
            return new ConfigExplain(s, userData, cli.out(), cli.err()).run(!yamlOnly);
        }
    }
}
