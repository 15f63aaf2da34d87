package io.nubis.assemblies.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the exported assemblies as real processes through bin/nubis, as an init system would. */
class LauncherProcessTest {
    @TempDir
    Path tmp;

    record Run(int rc, String out, String err) {
    }

    static Path tree(String distro) {
        return Paths.get(System.getProperty("nubis.assemblies", "../target"), "nubis-" + distro).toAbsolutePath();
    }

    /** More JVM options for the runs of a test. */
    String extraOpts = "";

    Run run(Path home, String prog, Path dropIn, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin").resolve(prog).toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("NUBIS_JAVA_OPTS", "-Dnubis.cache=" + tmp.resolve("cache")
                + (dropIn == null ? " -Dnubis.bundles.d=" + tmp.resolve("no-drop-in") : " -Dnubis.bundles.d=" + dropIn)
                + extraOpts);
        pb.environment().put("NUBIS_HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process finished");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ubuntu", "debian", "suse", "alpine", "freebsd"})
    void versionAnswersForEveryAssembly(String distro) throws Exception {
        Run r = run(tree(distro), "nubis", null, "--version");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("nubis "), r.out());
        Run again = run(tree(distro), "nubis", null, "--version");
        assertEquals(r.out(), again.out(), "a second start on the kept cache answers the same");
    }

    @Test
    void primeWritesAnArchiveThatIsUsedOnlyWhileItMatches() throws Exception {
        Run before = run(tree("debian"), "nubis", null, "--version");
        Run prime = run(tree("debian"), "nubis", null, "prime");
        assertEquals(0, prime.rc(), prime.err());
        assertTrue(prime.out().startsWith("nubis prime: wrote " + tmp.resolve("cache").resolve("nubis.")), prime.out());
        Path archive;
        try (var files = Files.list(tmp.resolve("cache"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("nubis\\.(aot|jsa)")).findFirst().orElseThrow();
        }
        Path stamp = archive.resolveSibling(archive.getFileName() + ".stamp");
        assertTrue(Files.size(archive) > 1_000_000, "archive size");
        // JDK release, JDK home, cksum of the sizes and mtimes of lib/ and bundles/
        assertTrue(Files.readString(stamp).matches("[0-9][0-9.+a-z-]* /\\S+ [0-9]+ [0-9]+\n"), Files.readString(stamp));

        Run with = run(tree("debian"), "nubis", null, "--version");
        assertEquals(0, with.rc(), with.err());
        assertEquals(before.out(), with.out());
        assertEquals("", with.err(), "no archive messages");

        // the class path chosen at prime: the launcher, Felix and every stock bundle of this
        // assembly (none of them shares a package with another), which then load their classes
        // through the application class loader
        Path cp = archive.resolveSibling(archive.getFileName() + ".cp");
        List<String> entries = List.of(Files.readString(cp).trim().split(":"));
        Path home = tree("debian");
        assertEquals(home.resolve("lib/nubis-launcher.jar").normalize(), Paths.get(entries.get(0)));
        long bundles;
        try (var files = Files.list(home.resolve("bundles"))) {
            bundles = files.count();
        }
        assertEquals(bundles + 2, entries.size(), entries.toString());
        extraOpts = " -Dnubis.trace=true";
        Run status = run(home, "nubis", null, "--root", Files.createDirectories(tmp.resolve("root")).toString(), "status");
        assertEquals(0, status.rc(), status.err());
        assertTrue(status.err().contains("(" + bundles + " of " + bundles + " stock bundles on the application class loader)"),
                status.err());
        extraOpts = "";

        // a stamp that no longer matches: the archive is ignored, silently
        Files.writeString(stamp, "17.0.0 /elsewhere 1 2\n");
        Run stale = run(tree("debian"), "nubis", null, "--version");
        assertEquals(0, stale.rc(), stale.err());
        assertEquals(before.out(), stale.out());
        assertEquals("", stale.err());
    }

    @Test
    void answersAsCloudInit() throws Exception {
        Run r = run(tree("debian"), "cloud-init", null, "--version");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("cloud-init 22.4"), r.out());
    }

    @Test
    void unknownVerbAndFlagAreUsageErrors() throws Exception {
        Run verb = run(tree("debian"), "nubis", null, "frobnicate");
        assertEquals(2, verb.rc());
        assertTrue(verb.err().contains("frobnicate"), verb.err());
        Run flag = run(tree("debian"), "nubis", null, "--frobnicate");
        assertEquals(2, flag.rc());
        assertTrue(flag.err().contains("--frobnicate"), flag.err());
    }

    @Test
    void pluginBundlesStartOnlyForTheCommandsThatNeedThem() throws Exception {
        extraOpts = " -Dnubis.trace=true";
        Path root = Files.createDirectories(tmp.resolve("root"));
        Run version = run(tree("debian"), "nubis", null, "--version");
        assertEquals(0, version.rc(), version.err());
        assertFalse(version.err().contains("plug-ins asked for"), version.err());
        for (int i = 0; i < 2; i++) { // the second time on the kept cache: starts are not remembered
            Run status = run(tree("debian"), "nubis", null, "--root", root.toString(), "status");
            assertEquals(0, status.rc(), status.err());
            assertTrue(status.err().contains("plug-ins started: nubis.layout"), status.err());
            assertFalse(status.err().contains("nubis.module"), status.err());
            assertFalse(status.err().contains("nubis.datasource"), status.err());
        }
        Run plugins = run(tree("debian"), "nubis", null, "plugins");
        assertEquals(0, plugins.rc(), plugins.err());
        assertTrue(plugins.err().contains("plug-ins started: nubis.module"), plugins.err());
        assertTrue(plugins.out().contains("bootcmd"), plugins.out());
    }

    @Test
    void vendorBundleFromDropInOverridesStockAdapter() throws Exception {
        vendorAptWinsThenStockReturns();
    }

    @Test
    void vendorBundleOverridesAConnectedStockAdapter() throws Exception {
        // with the archive, stock bundles share the application class loader; a vendor bundle
        // keeps its own and still wins by ranking, and leaves again cleanly
        assertEquals(0, run(tree("debian"), "nubis", null, "prime").rc());
        vendorAptWinsThenStockReturns();
    }

    private void vendorAptWinsThenStockReturns() throws Exception {
        Path dropIn = Files.createDirectories(tmp.resolve("bundles.d"));
        Files.copy(Paths.get(System.getProperty("nubis.vendor.jar")), dropIn.resolve("vendor.jar"));
        Run r = run(tree("debian"), "nubis", dropIn, "plugins");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().matches("(?s).*nubis\\.packages\\s+apt\\s+io\\.nubis\\.example\\.vendor\\b.*"), r.out());
        // without the drop-in the stock adapter is back, from the same kept cache
        Run stock = run(tree("debian"), "nubis", tmp.resolve("empty"), "plugins");
        assertEquals(0, stock.rc(), stock.err());
        assertTrue(stock.out().matches("(?s).*nubis\\.packages\\s+apt\\s+io\\.nubis\\.adapter\\.apt\\b.*"), stock.out());
    }

    @Test
    void keptCacheUpdatesABundleWhoseFileChanged() throws Exception {
        Path dropIn = Files.createDirectories(tmp.resolve("bundles.d"));
        Path jar = dropIn.resolve("vendor.jar");
        Files.copy(Paths.get(System.getProperty("nubis.vendor.jar")), jar);
        Run first = run(tree("debian"), "nubis", dropIn, "plugins");
        assertTrue(first.out().matches("(?s).*nubis\\.packages\\s+apt\\s+io\\.nubis\\.example\\.vendor\\b.*"), first.out());
        // same location, new content without the override: the cached bundle must be updated
        writeBundle(jar, "io.nubis.example.vendor", "org.osgi.framework", null);
        Run second = run(tree("debian"), "nubis", dropIn, "plugins");
        assertEquals(0, second.rc(), second.err());
        assertTrue(second.out().matches("(?s).*nubis\\.packages\\s+apt\\s+io\\.nubis\\.adapter\\.apt\\b.*"), second.out());
    }

    @Test
    void brokenVendorBundlesAreReportedAndSkipped() throws Exception {
        Path dropIn = Files.createDirectories(tmp.resolve("bundles.d"));
        writeBundle(dropIn.resolve("unresolvable.jar"), "vendor.unresolvable", "com.example.missing", null);
        writeBundle(dropIn.resolve("throwing.jar"), "vendor.throwing", "org.osgi.framework", ThrowingActivator.class);
        Run r = run(tree("debian"), "nubis", dropIn, "plugins");
        assertEquals(1, r.rc(), "a skipped vendor bundle makes the exit non-zero");
        assertTrue(r.err().contains("vendor bundle unresolvable.jar skipped") && r.err().contains("com.example.missing"),
                r.err());
        assertTrue(r.err().contains("vendor bundle throwing.jar skipped") && r.err().contains("on purpose"), r.err());
        assertTrue(r.out().contains("distro: debian"), "the stock assembly still ran: " + r.out());
    }

    @Test
    void assemblyThatDoesNotResolveSaysWhy() throws Exception {
        Path broken = tmp.resolve("broken");
        copyTree(tree("debian"), broken);
        try (Stream<Path> s = Files.list(broken.resolve("bundles"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("picocli")).toList()) {
                Files.delete(p);
            }
        }
        Run r = run(broken, "nubis", null, "--version");
        assertEquals(1, r.rc());
        assertTrue(r.err().contains("does not resolve") && r.err().contains("picocli"), r.err());
    }

    private static void writeBundle(Path jar, String bsn, String imports, Class<?> activator) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Import-Package", imports);
        if (activator != null) {
            a.putValue("Bundle-Activator", activator.getName());
        }
        try (OutputStream fo = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(fo, m)) {
            if (activator != null) {
                String entry = activator.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = activator.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
