package io.nubis.launcher.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Where the launcher finds its assembly, cache and drop-in bundles. The assembly home holds
 * {@code bundles/} (the resolved run bundles); the drop-in directory for vendor bundles is
 * {@code etc/nubis/bundles.d} under the target root given by {@code --root}.
 *
 * @param home      assembly home ({@code /usr/lib/nubis})
 * @param bundles   directory of the assembly's bundles
 * @param dropIn    directory of vendor bundles, may not exist
 * @param cache     Felix bundle cache directory
 */
record LaunchOptions(Path home, Path bundles, Path dropIn, Path cache) {

    /** System property naming the assembly home; set by the {@code nubis} wrapper script. */
    static final String HOME = "nubis.home";
    /** System property naming the bundle cache directory. */
    static final String CACHE = "nubis.cache";
    /** System property naming the vendor drop-in directory (default: ROOT/etc/nubis/bundles.d). */
    static final String DROP_IN = "nubis.bundles.d";

    static LaunchOptions from(List<String> args) {
        Path home = Paths.get(System.getProperty(HOME, defaultHome())).toAbsolutePath().normalize();
        String root = rootArg(args);
        Path dropIn = Paths.get(System.getProperty(DROP_IN,
                Paths.get(root, "etc", "nubis", "bundles.d").toString())).toAbsolutePath();
        String cacheProp = System.getProperty(CACHE);
        Path cache = cacheProp != null ? Paths.get(cacheProp) : defaultCache(home);
        return new LaunchOptions(home, home.resolve("bundles"), dropIn, cache.toAbsolutePath());
    }

    /** The value of {@code --root DIR} or {@code --root=DIR}, default {@code /}. */
    static String rootArg(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.equals("--root") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith("--root=")) {
                return a.substring("--root=".length());
            }
        }
        return "/";
    }

    private static String defaultHome() {
        try {
            Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // <home>/lib/nubis-launcher.jar
            return jar.getParent().getParent().toString();
        } catch (Exception e) {
            return "/usr/lib/nubis";
        }
    }

    private static Path defaultCache(Path home) {
        Path inHome = home.resolve("cache");
        if (Files.isWritable(home) || Files.isWritable(inHome)) {
            return inHome;
        }
        Path varCache = Paths.get("/var/cache/nubis");
        if (Files.isWritable(varCache) || Files.isWritable(varCache.getParent())) {
            return varCache.resolve("felix");
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "nubis-cache-" + System.getProperty("user.name"));
    }
}
