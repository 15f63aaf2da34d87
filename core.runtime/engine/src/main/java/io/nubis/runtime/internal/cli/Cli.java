package io.nubis.runtime.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import io.nubis.runtime.internal.boot.CatalogPlugins;
import io.nubis.runtime.internal.boot.Plugins;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import picocli.CommandLine;

/** Builds the command line for one invocation and runs it; usage errors exit 2 like argparse. */
public final class Cli {
    /** Exit code of a usage error (unknown verb or flag), as the reference's argparse. */
    public static final int EXIT_USAGE = 2;

    private final PluginCatalog catalog;
    private final Plugins plugins;
    private final PrintStream out;
    private final PrintStream err;
    private final String prog;

    public Cli(PluginCatalog catalog, PrintStream out, PrintStream err, String prog) {
        this(catalog, catalog == null ? null : new CatalogPlugins(catalog), out, err, prog);
    }

    /** A command line over given plug-ins (tests); {@code catalog} may be null if {@code plugins} is not. */
    public Cli(PluginCatalog catalog, Plugins plugins, PrintStream out, PrintStream err, String prog) {
        this.catalog = catalog;
        this.plugins = plugins;
        this.out = out;
        this.err = err;
        this.prog = prog;
    }

    PluginCatalog catalog() {
        return catalog;
    }

    Plugins plugins() {
        return plugins;
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
        // cloud-init-per's command may have its own options: everything after NAME is the command
        cl.getSubcommands().get("per").setStopAtPositional(true);
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
