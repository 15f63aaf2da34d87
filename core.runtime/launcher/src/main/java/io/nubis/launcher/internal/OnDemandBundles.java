package io.nubis.launcher.internal;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The plug-in bundles of the assembly (those declaring a capability in a {@code nubis.*}
 * namespace: modules, datasources, the distro profile and its adapters), started only when the
 * engine first asks for a namespace they provide, so a command that needs no plug-ins
 * ({@code status}, {@code query}, {@code --version}) neither resolves them nor has SCR read
 * their component descriptions. Registered as a {@code Consumer<String>} service with
 * {@code nubis.starter=true}; the argument is a capability namespace. Starting a bundle also
 * starts the providers of the {@code nubis.*} namespaces it requires (a profile needs its
 * adapters). Starts are transient: the kept cache never records them, so every run begins with
 * the plug-ins stopped.
 */
final class OnDemandBundles implements Consumer<String> {
    /** Service property marking the starter. */
    static final String PROPERTY = "nubis.starter";
    private static final String PREFIX = "nubis.";

    private final List<Bundle> bundles;
    private final FrameworkWiring wiring;
    private final PrintStream err;
    private final Set<String> started = new HashSet<>();
    private final List<String> failures = new ArrayList<>();

    OnDemandBundles(List<Bundle> bundles, FrameworkWiring wiring, PrintStream err) {
        this.bundles = List.copyOf(bundles);
        this.wiring = wiring;
        this.err = err;
    }

    /** True if the bundle declares a capability in a {@code nubis.*} namespace. */
    static boolean isPlugin(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        if (r == null) {
            return false;
        }
        for (BundleCapability c : r.getDeclaredCapabilities(null)) {
            if (c.getNamespace().startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void accept(String namespace) {
        StartupTrace.mark("plug-ins asked for: " + namespace);
        Deque<String> todo = new ArrayDeque<>(List.of(namespace));
        List<Bundle> toStart = new ArrayList<>();
        while (!todo.isEmpty()) {
            String ns = todo.pop();
            if (!started.add(ns)) {
                continue;
            }
            for (Bundle b : bundles) {
                BundleRevision r = b.adapt(BundleRevision.class);
                if (r == null || toStart.contains(b) || r.getDeclaredCapabilities(ns).isEmpty()) {
                    continue;
                }
                toStart.add(b);
                for (BundleRequirement req : r.getDeclaredRequirements(null)) {
                    if (req.getNamespace().startsWith(PREFIX)) {
                        todo.add(req.getNamespace());
                    }
                }
            }
        }
        // one resolver run for them all, rather than one per start
        if (!toStart.isEmpty()) {
            wiring.resolveBundles(toStart);
        }
        for (Bundle b : toStart) {
            if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            try {
                b.start(Bundle.START_TRANSIENT);
            } catch (BundleException | RuntimeException e) {
                failures.add(b.getSymbolicName());
                err.println(Main.prog() + ": bundle " + b.getSymbolicName() + " cannot start: " + e.getMessage());
            }
        }
        StartupTrace.mark("plug-ins started: " + namespace);
    }

    /** Symbolic names of the plug-in bundles that failed to start. */
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
