package io.nubis.launcher.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts Felix on a kept bundle cache, brings the installed bundles in line with the assembly
 * and the vendor drop-in directory, starts the core ones (plug-ins wait for the engine to ask:
 * {@link OnDemandBundles}), hands the command line to the engine's main
 * service and always stops the framework completely before returning the exit code.
 */
final class FrameworkLauncher {
    /** Exit code when the assembly itself cannot start. */
    static final int EXIT_ASSEMBLY = 1;
    /** Filter of the engine's main service: a {@code ToIntFunction<String[]>}. */
    static final String MAIN_FILTER = "(&(objectClass=" + ToIntFunction.class.getName() + ")(nubis.main=true))";
    /** Felix setting: install the framework's URL handlers into {@code java.net.URL}. */
    static final String URL_HANDLERS = "felix.service.urlhandlers";
    private static final long MAIN_WAIT_MS = 30_000;
    /** System property: {@code false} installs every bundle with its own class loader ({@link ClassPathConnector}). */
    static final String CONNECT = "nubis.connect";

    private final LaunchOptions options;
    private final PrintStream err;
    private final List<String> vendorFailures = new ArrayList<>();
    private final ClassPathConnector connector =
            ClassPathConnector.ofJvmClassPath(Boolean.parseBoolean(System.getProperty(CONNECT, "true")));
    private OnDemandBundles onDemand;

    FrameworkLauncher(LaunchOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /** Vendor bundles that were reported and skipped in the last run. */
    List<String> vendorFailures() {
        return vendorFailures;
    }

    int run(String[] args) throws LaunchException {
        return runAll(java.util.Collections.singletonList(args));
    }

    /** Runs several command lines in one framework; the exit code is the last non-zero one. */
    int runAll(List<String[]> commands) throws LaunchException {
        if (!Files.isDirectory(options.bundles())) {
            throw new LaunchException("no assembly at " + options.bundles()
                    + " (set -Dnubis.home to an exported assembly)", EXIT_ASSEMBLY, null);
        }
        Framework fw = start(options.cache());
        Thread hook = new Thread(() -> stopQuietly(fw), "nubis-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int rc = 0;
            for (String[] args : commands) {
                int one = runCommand(fw, args);
                rc = one != 0 ? one : rc;
            }
            return rc;
        } finally {
            stopQuietly(fw);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    private Framework start(Path cache) throws LaunchException {
        Framework fw;
        try {
            fw = newFramework(cache, false);
            StartupTrace.mark("framework init (cache opened)");
        } catch (BundleException | RuntimeException e) {
            // the kept cache is locked by another run or damaged: use a throw-away one
            try {
                Path tmp = Files.createTempDirectory("nubis-cache");
                fw = newFramework(tmp, true);
            } catch (IOException | BundleException | RuntimeException e2) {
                throw new LaunchException("cannot start the OSGi framework: " + e2.getMessage(), EXIT_ASSEMBLY, e2);
            }
        }
        try {
            BundleFingerprints prints = new BundleFingerprints(cache);
            List<Bundle> stock = syncBundles(fw.getBundleContext(), prints);
            prints.save();
            if (StartupTrace.ON) {
                long connected = stock.stream()
                        .filter(b -> b.getLocation().startsWith(ClassPathConnector.CONNECT)).count();
                StartupTrace.mark("bundles installed/synced (" + connected + " of " + stock.size()
                        + " stock bundles on the application class loader)");
            }
            List<Bundle> plugins = new ArrayList<>();
            for (Bundle b : stock) {
                if (OnDemandBundles.isPlugin(b)) {
                    plugins.add(b);
                    keepStopped(b);
                }
            }
            fw.start();
            StartupTrace.mark("framework started");
            startStock(fw, stock, plugins);
            onDemand = new OnDemandBundles(plugins, fw.adapt(FrameworkWiring.class), err);
            fw.getBundleContext().registerService(Consumer.class, onDemand,
                    new Hashtable<>(Map.of(OnDemandBundles.PROPERTY, "true")));
            StartupTrace.mark("bundles started");
            return fw;
        } catch (LaunchException e) {
            stopQuietly(fw);
            throw e;
        } catch (IOException | BundleException | RuntimeException e) {
            stopQuietly(fw);
            throw new LaunchException("cannot start the assembly: " + e.getMessage(), EXIT_ASSEMBLY, e);
        } catch (Error e) {
            stopQuietly(fw);
            throw e;
        }
    }

    private Framework newFramework(Path cache, boolean clean) throws BundleException {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, clean ? Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT : "none");
        cfg.put("felix.log.level", "1");
        cfg.put("ds.loglevel", "warn");
        // Felix's URL stream/content handler factories hook into java.net.URL by reflection at
        // every init; bundle URLs handed out by the framework carry their own handler anyway.
        cfg.put(URL_HANDLERS, "false");
        // -Dfelix.xyz=... overrides a framework setting (for measurements and diagnosis)
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("felix.")) {
                cfg.put(name, System.getProperty(name));
            }
        }
        Felix fw = new Felix(cfg, connector);
        fw.init();
        return fw;
    }

    /**
     * Installs new bundles, updates changed ones and uninstalls the ones no longer wanted; the
     * vendor drop-in bundles are installed after, as {@code reference:} locations too.
     */
    private List<Bundle> syncBundles(BundleContext ctx, BundleFingerprints prints) throws IOException {
        Map<String, Bundle> installed = new LinkedHashMap<>();
        for (Bundle b : ctx.getBundles()) {
            if (b.getBundleId() != 0) {
                installed.put(b.getLocation(), b);
            }
        }
        Map<String, Path> wanted = bundleFiles(options.bundles(), connector::location);
        Map<String, Path> vendor = Files.isDirectory(options.dropIn())
                ? bundleFiles(options.dropIn(), ClassPathConnector::reference) : Map.of();
        for (Map.Entry<String, Bundle> e : installed.entrySet()) {
            if (!wanted.containsKey(e.getKey()) && !vendor.containsKey(e.getKey())) {
                uninstallQuietly(e.getValue());
                prints.remove(e.getKey());
            }
        }
        List<Bundle> stock = new ArrayList<>();
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            try {
                stock.add(installOrUpdate(ctx, installed.get(e.getKey()), e.getKey(), e.getValue(), prints));
            } catch (BundleException ex) {
                throw new IOException("bundle " + e.getValue() + " cannot be installed: " + ex.getMessage(), ex);
            }
        }
        for (Map.Entry<String, Path> e : vendor.entrySet()) {
            try {
                installOrUpdate(ctx, installed.get(e.getKey()), e.getKey(), e.getValue(), prints);
            } catch (BundleException ex) {
                vendorFailed(e.getValue().getFileName().toString(), ex);
            }
        }
        return stock;
    }

    private static Bundle installOrUpdate(BundleContext ctx, Bundle existing, String location, Path file,
            BundleFingerprints prints) throws BundleException, IOException {
        String fp = BundleFingerprints.of(file);
        Bundle b = existing;
        if (b == null) {
            b = ctx.installBundle(location);
        } else if (!prints.matches(location, fp)) {
            b.update();
        }
        prints.put(location, fp);
        return b;
    }

    private static Map<String, Path> bundleFiles(Path dir, Function<Path, String> location) throws IOException {
        Map<String, Path> out = new java.util.TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                boolean exploded = Files.isDirectory(p) && Files.exists(p.resolve("META-INF/MANIFEST.MF"));
                if (n.endsWith(".jar") || exploded) {
                    out.put(location.apply(p), p);
                }
            }
        }
        return out;
    }

    /** Starts the stock bundles but the plug-ins, then the vendor drop-ins (each failure reported and skipped). */
    private void startStock(Framework fw, List<Bundle> stock, List<Bundle> plugins) throws LaunchException {
        List<String> problems = new ArrayList<>();
        for (Bundle b : stock) {
            if (plugins.contains(b) || isFragment(b) || b.getState() == Bundle.ACTIVE) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                problems.add(b.getSymbolicName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new LaunchException("the assembly does not resolve:\n  " + String.join("\n  ", problems),
                    EXIT_ASSEMBLY, null);
        }
        for (Bundle b : fw.getBundleContext().getBundles()) {
            if (b.getBundleId() == 0 || stock.contains(b) || isFragment(b) || b.getState() == Bundle.ACTIVE) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException | RuntimeException e) {
                vendorFailed(b.getLocation().substring(b.getLocation().lastIndexOf('/') + 1), e);
                uninstallQuietly(b);
            }
        }
    }

    private void vendorFailed(String name, Exception e) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null) {
            why += " (" + cause + ")";
        }
        vendorFailures.add(name);
        err.println(Main.prog() + ": vendor bundle " + name + " skipped: " + why);
    }

    @SuppressWarnings("unchecked")
    private int runCommand(Framework fw, String[] args) throws LaunchException {
        BundleContext ctx = fw.getBundleContext();
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(ctx, ctx.createFilter(MAIN_FILTER), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            Object main = tracker.waitForService(MAIN_WAIT_MS);
            if (main == null) {
                throw new LaunchException("the engine did not start (no main service after "
                        + MAIN_WAIT_MS / 1000 + " s); is io.nubis.runtime in the assembly?", EXIT_ASSEMBLY, null);
            }
            if (!vendorFailures.isEmpty()) {
                System.setProperty("nubis.vendor.failures", String.join(",", vendorFailures));
            }
            StartupTrace.mark("main service available");
            int rc = ((ToIntFunction<String[]>) main).applyAsInt(args);
            StartupTrace.mark("command done");
            boolean clean = vendorFailures.isEmpty() && (onDemand == null || onDemand.failures().isEmpty());
            return clean || rc != 0 ? rc : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while starting", EXIT_ASSEMBLY, e);
        } finally {
            tracker.close();
        }
    }

    /** Clears the persistent "started" mark an older cache may hold, so the framework does not start it. */
    private static void keepStopped(Bundle b) throws BundleException {
        BundleStartLevel sl = b.adapt(BundleStartLevel.class);
        if (sl != null && sl.isPersistentlyStarted()) {
            b.stop();
        }
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private static void uninstallQuietly(Bundle b) {
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            // best effort: it is gone from the next run's cache either way
        }
    }

    static void stopQuietly(Framework fw) {
        try {
            if ((fw.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
                fw.stop();
                fw.waitForStop(15_000);
            }
        } catch (BundleException | InterruptedException | RuntimeException e) {
            // nothing more can be done while exiting
        }
    }
}
