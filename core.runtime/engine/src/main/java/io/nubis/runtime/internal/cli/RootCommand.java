package io.nubis.runtime.internal.cli;

import java.util.concurrent.Callable;

import io.nubis.runtime.internal.AgentVersion;
import io.nubis.runtime.internal.boot.StageGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nubis} / {@code cloud-init}: global options; {@link Cli} adds the verbs. */
@Command(mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Cloud-instance initialisation agent, compatible with cloud-init.")
public final class RootCommand implements Callable<Integer> {
    private final Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", scope = ScopeType.INHERIT, defaultValue = "/",
            description = "Target root directory: every file the agent reads or writes is under it (default: /).")
    String root;

    @Option(names = {"-d", "--debug"}, scope = ScopeType.INHERIT, description = "Show debug output on the console.")
    boolean debug;

    @Option(names = "--plan", scope = ScopeType.INHERIT,
            description = "Record commands instead of running them and print what would change (implied by a --root other than / without root privileges).")
    boolean plan;

    @Option(names = "--force", scope = ScopeType.INHERIT,
            description = "Force running even if no datasource is found (use at your own risk).")
    boolean force;

    @Option(names = "--all-stages",
            description = "Run the four boot stages in order in this one process (init --local, init, modules --mode config, modules --mode final).")
    boolean allStages;

    @Option(names = "--stage-gate", paramLabel = "DIR",
            description = "With --all-stages: wait before each stage until the init system's stage unit starts "
                    + "(libexec/stage-shim STAGE, FIFOs in DIR) and hand it the stage's result.")
    java.nio.file.Path stageGate;

    RootCommand(Cli cli) {
        this.cli = cli;
    }

    Cli cli() {
        return cli;
    }

    String root() {
        return root;
    }

    @Override
    public Integer call() {
        if (allStages) {
            return BootCommand.run(this, true, java.util.List.of(), s -> io.nubis.runtime.internal.boot.AllStages.run(s,
                    stageGate == null ? StageGate.NONE : StageGate.fifos(stageGate)));
        }
        if (stageGate != null) {
            cli.err().println(cli.prog() + ": error: --stage-gate goes with --all-stages");
            return Cli.EXIT_USAGE;
        }
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.EXIT_USAGE;
    }

    /** Version line; as {@code cloud-init} it leads with the compatible cloud-init version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            if ("cloud-init".equals(NubisMain.prog())) {
                return new String[] {"cloud-init " + AgentVersion.CLOUD_INIT_COMPAT + " (nubis " + AgentVersion.version() + ")"};
            }
            return new String[] {"nubis " + AgentVersion.version() + " (cloud-init " + AgentVersion.CLOUD_INIT_COMPAT
                    + " compatible)"};
        }
    }
}
