package io.nubis.runtime.internal.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.boot.HotplugHook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code devel hotplug-hook -s SUBSYSTEM query|handle}, as the reference's, and Nubis's
 * {@code devel hotplug-hook drain}: the events the udev, mdev and devd hook queued.
 */
@Command(name = "hotplug-hook", description = "Respond to newly added system devices.",
        subcommands = {HotplugHookCommand.Query.class, HotplugHookCommand.Handle.class, HotplugHookCommand.Enable.class,
                HotplugHookCommand.Drain.class})
final class HotplugHookCommand implements Callable<Integer> {
    @ParentCommand
    DevelCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--subsystem"}, paramLabel = "{net}",
            description = "Specify the subsystem to query or handle (required for query and handle).")
    String subsystem;

    @Override
    public Integer call() {
        spec.commandLine().usage(cli().err());
        return Cli.EXIT_USAGE;
    }

    Cli cli() {
        return parent.parent.cli();
    }

    /** The subsystem, or null after printing the reference's usage error. */
    String subsystem(String action) {
        String prog = cli().prog() + " devel hotplug-hook";
        if (subsystem == null) {
            cli().err().println(prog + ": error: the following arguments are required: -s/--subsystem (for " + action + ")");
            return null;
        }
        if (!HotplugHook.SUBSYSTEMS.containsKey(subsystem)) {
            cli().err().println(prog + ": error: argument -s/--subsystem: invalid choice: '" + subsystem + "' (choose from "
                    + String.join(", ", HotplugHook.SUBSYSTEMS.keySet().stream().map(k -> "'" + k + "'").toList()) + ")");
            return null;
        }
        return subsystem;
    }

    int run(HotplugBody body) {
        return BootCommand.run(parent.parent, false, List.of(), s -> body.run(new HotplugHook(s)));
    }

    /** Work on a hotplug hook. */
    @FunctionalInterface
    interface HotplugBody {
        int run(HotplugHook hook) throws Exception;
    }

    /** {@code query}: prints {@code enabled} or {@code disabled}. */
    @Command(name = "query", description = "Query if hotplug is enabled for given subsystem.")
    static final class Query implements Callable<Integer> {
        @ParentCommand
        HotplugHookCommand hook;

        @Override
        public Integer call() {
            String sub = hook.subsystem("query");
            return sub == null ? Cli.EXIT_USAGE : hook.run(h -> h.query(sub));
        }
    }

    /** {@code handle --devpath DEVPATH -u add|remove}: one event. */
    @Command(name = "handle", description = "Handle the hotplug event.")
    static final class Handle implements Callable<Integer> {
        @ParentCommand
        HotplugHookCommand hook;

        // no -d: it is the inherited --debug here
        @Option(names = "--devpath", required = true, paramLabel = "PATH", description = "Sysfs path to hotplugged device")
        String devpath;

        @Option(names = {"-u", "--udevaction"}, required = true, paramLabel = "{add,remove}",
                description = "Specify action to take.")
        String action;

        @Override
        public Integer call() {
            String sub = hook.subsystem("handle");
            if (sub == null) {
                return Cli.EXIT_USAGE;
            }
            if (!List.of("add", "remove").contains(action)) {
                hook.cli().err().println(hook.cli().prog() + " devel hotplug-hook handle: error: argument -u/--udevaction:"
                        + " invalid choice: '" + action + "' (choose from 'add', 'remove')");
                return Cli.EXIT_USAGE;
            }
            return hook.run(h -> h.handle(sub, devpath, action));
        }
    }

    /** {@code enable}: hotplug for a subsystem, whatever the {@code updates} config says. */
    @Command(name = "enable", description = "Enable hotplug for a given subsystem.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        HotplugHookCommand hook;

        @Override
        public Integer call() {
            String sub = hook.subsystem("enable");
            return sub == null ? Cli.EXIT_USAGE : hook.run(h -> h.enable(sub));
        }
    }

    /** {@code drain}: every event queued in {@code <run>/hotplug.queue}. */
    @Command(name = "drain", description = "Handle every event queued in <run dir>/hotplug.queue, then remove them.")
    static final class Drain implements Callable<Integer> {
        @ParentCommand
        HotplugHookCommand hook;

        @Override
        public Integer call() {
            return hook.run(HotplugHook::drain);
        }
    }
}
