package io.nubis.runtime.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import io.nubis.runtime.internal.plugin.PluginCatalog;
import picocli.CommandLine;

/** Builds the command line for one invocation and runs it; usage errors exit 2 like argparse. */
public final class Cli {
    /** Exit code of a usage error (unknown verb or flag), as the reference's argparse. */
    public static final int EXIT_USAGE = 2;

    private final PluginCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;
    private final String prog;

    public Cli(PluginCatalog catalog, PrintStream out, PrintStream err, String prog) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
        this.prog = prog;
    }

    PluginCatalog catalog() {
        return catalog;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    String prog() {
        return prog;
    }

    /** Parses and runs; returns the exit code. */
    public int execute(String... args) {
        CommandLine cl = new CommandLine(new RootCommand(this));
        cl.setCommandName(prog);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(prog + ": error: " + ex.getMessage());
            err.println("Try '" + prog + " --help' for more information.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println(prog + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            return 1;
        });
        return cl.execute(args);
    }
}
