package io.nubis.runtime.internal.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code devel}: the reference's developer tools that Nubis has ({@code devel merge}, {@code devel hotplug-hook}, {@code devel net-convert}). */
@Command(name = "devel", description = "Run development tools.", subcommands = {MergeCommand.class, HotplugHookCommand.class, NetConvertCommand.class})
final class DevelCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(parent.cli().err());
        return Cli.EXIT_USAGE;
    }
}
