package io.nubis.runtime.internal.cli;

import java.nio.file.Path;
import java.time.Year;
import java.util.concurrent.Callable;

import io.nubis.runtime.internal.analyze.AnalyzeTool;
import io.nubis.runtime.internal.status.ToolPaths;
import io.nubis.runtime.internal.target.ChrootTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code analyze show|blame|dump [-i FILE] [-o FILE]}: boot timing from cloud-init.log. Without
 * {@code -i} the log of the target root is read.
 */
@Command(name = "analyze", description = "Devel tool: Analyze cloud-init logs and data.",
        subcommands = {AnalyzeCommand.Show.class, AnalyzeCommand.Blame.class, AnalyzeCommand.Dump.class})
final class AnalyzeCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        parent.cli().err().println(spec.commandLine().getCommandName() + ": error: the following arguments are"
                + " required: subcommand");
        spec.commandLine().usage(parent.cli().err());
        return Cli.EXIT_USAGE;
    }

    /** Options every analyze sub-command has. */
    abstract static class Io implements Callable<Integer> {
        @ParentCommand
        AnalyzeCommand analyze;

        @Option(names = {"-i", "--infile"}, paramLabel = "INFILE", description = "specify where to read input.")
        String infile;

        @Option(names = {"-o", "--outfile"}, paramLabel = "OUTFILE", defaultValue = "-",
                description = "specify where to write output.")
        String outfile;

        int run(AnalyzeTool.Mode mode, String format) throws java.io.IOException {
            Cli cli = analyze.parent.cli();
            String in = infile;
            if (in == null) {
                ChrootTarget target = new ChrootTarget(Path.of(analyze.parent.root()));
                String log = ToolPaths.lookup(cli.catalog(), target).logFile();
                in = "/".equals(analyze.parent.root()) ? log : target.resolve(log).toString();
            }
            return new AnalyzeTool(System.in, cli.out(), cli.err(), Year.now().getValue()).run(mode, in, outfile,
                    format);
        }
    }

    @Command(name = "show", description = "Print list of in-order events during execution")
    static final class Show extends Io {
        @Option(names = {"-f", "--format"}, paramLabel = "PRINT_FORMAT", defaultValue = AnalyzeTool.DEFAULT_FORMAT,
                description = "specify formatting of output. Tokens: %%d delta, %%D description, %%E elapsed,"
                        + " %%e event_type, %%I indent, %%l level, %%n name, %%o origin, %%r result, %%t timestamp,"
                        + " %%T total_time")
        String format;

        @Override
        public Integer call() throws java.io.IOException {
            return run(AnalyzeTool.Mode.SHOW, format);
        }
    }

    @Command(name = "blame", description = "Print list of executed stages ordered by time to init")
    static final class Blame extends Io {
        @Override
        public Integer call() throws java.io.IOException {
            return run(AnalyzeTool.Mode.BLAME, null);
        }
    }

    @Command(name = "dump", description = "Dump cloud-init events in JSON format")
    static final class Dump extends Io {
        @Override
        public Integer call() throws java.io.IOException {
            return run(AnalyzeTool.Mode.DUMP, null);
        }
    }
}
