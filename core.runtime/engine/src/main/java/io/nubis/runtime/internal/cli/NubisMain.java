package io.nubis.runtime.internal.cli;

import java.io.PrintStream;
import java.util.function.ToIntFunction;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.runtime.internal.plugin.PluginCatalog;

/**
 * The engine's entry point, called by the launcher with the process's arguments; returns the
 * exit code. Registered under a JDK type so the launcher needs no shared API on its class path.
 */
@Component(service = ToIntFunction.class, property = "nubis.main=true", immediate = true)
public final class NubisMain implements ToIntFunction<String[]> {
    private final BundleContext context;

    /** @param context the engine bundle's context, for the plug-in catalog */
    @Activate
    public NubisMain(BundleContext context) {
        this.context = context;
    }

    @Override
    public int applyAsInt(String[] args) {
        return run(args, System.out, System.err);
    }

    /** Runs one command line with the given streams. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Cli cli = new Cli(new PluginCatalog(context), out, err, prog());
        return cli.execute(args);
    }

    static String prog() {
        return System.getProperty("nubis.prog", "nubis");
    }
}
