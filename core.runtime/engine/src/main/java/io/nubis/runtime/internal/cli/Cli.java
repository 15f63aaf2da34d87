package io.nubis.runtime.internal.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

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

    /** The verbs, in the order the usage lists them. */
    static final Map<String, Class<?>> VERBS = verbs();

    private static Map<String, Class<?>> verbs() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("init", InitCommand.class);
        m.put("modules", ModulesCommand.class);
        m.put("single", SingleCommand.class);
        m.put("per", PerCommand.class);
        m.put("status", StatusCommand.class);
        m.put("query", QueryCommand.class);
        m.put("analyze", AnalyzeCommand.class);
        m.put("clean", CleanCommand.class);
        m.put("schema", SchemaCommand.class);
        m.put("merge", MergeCommand.class);
        m.put("devel", DevelCommand.class);
        m.put("plugins", PluginsCommand.class);
        return m;
    }

    /**
     * The verb an argument list names: its first argument that is neither an option nor the value
     * of a global option taking one; null if there is none.
     */
    static String verbOf(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--".equals(a)) {
                return null;
            }
            if ("--root".equals(a) || "--stage-gate".equals(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /**
     * Parses and runs; returns the exit code. The boot's and scripts' common forms go by
     * {@link QuickArgs}; for the rest, only the verb being run is modelled (picocli builds a
     * command's model by reflection, ~0.1 s for all of them on a cold JVM); none for
     * {@code --all-stages} and {@code --version}; the full tree when the usage may list them (no
     * verb, an unknown one).
     */
    public int execute(String... argv) {
        String[] args = NetConvertCommand.rewrite(argv);
        Optional<Callable<Integer>> quick = QuickArgs.parse(this, args);
        if (quick.isPresent()) {
            try {
                return quick.get().call();
            } catch (Exception e) {
                return failed(e);
            }
        }
        CommandLine cl = new CommandLine(new RootCommand(this));
        cl.setCommandName(prog);
        String verb = verbOf(args);
        if (verb != null && VERBS.containsKey(verb)) {
            cl.addSubcommand(verb, VERBS.get(verb));
        } else if (verb != null || !Arrays.stream(args)
                .anyMatch(a -> a.equals("--all-stages") || a.equals("--version") || a.equals("-V"))) {
            VERBS.forEach(cl::addSubcommand);
        }
        // cloud-init-per's command may have its own options: everything after NAME is the command
        CommandLine per = cl.getSubcommands().get("per");
        if (per != null) {
            per.setStopAtPositional(true);
        }
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(prog + ": error: " + ex.getMessage());
            err.println("Try '" + prog + " --help' for more information.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex));
        return cl.execute(args);
    }

    private int failed(Exception ex) {
        err.println(prog + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        return 1;
    }
}
