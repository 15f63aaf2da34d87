package io.nubis.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Chooses which stock bundles may share the application class loader ({@link ClassPathConnector}):
 * run by {@code nubis prime}, it prints the class path the wrapper then uses with the archive.
 * A bundle is left out (and keeps a framework class loader) when it carries a class package that
 * another bundle or the launcher's own jars carry too (a private copy of a library, for example),
 * when its {@code Bundle-ClassPath} is not just the bundle itself, and when it is a fragment or
 * the host of one.
 *
 * <p>Usage: {@code java -cp nubis-launcher.jar io.nubis.launcher.internal.ConnectPlan HOME}.
 */
public final class ConnectPlan {
    private ConnectPlan() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ConnectPlan ASSEMBLY_HOME");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath().normalize();
        List<Path> lib = List.of(home.resolve("lib/nubis-launcher.jar"),
                home.resolve("lib/org.apache.felix.framework.jar"));
        List<String> cp = new ArrayList<>();
        for (Path p : lib) {
            cp.add(p.toString());
        }
        for (Path p : connectable(lib, bundles(home.resolve("bundles")))) {
            cp.add(p.toString());
        }
        System.out.println(String.join(File.pathSeparator, cp));
    }

    /** The bundle files and exploded directories of an assembly, in name order. */
    static List<Path> bundles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(".jar") || Files.isRegularFile(p.resolve("META-INF/MANIFEST.MF"))) {
                    out.add(p.toAbsolutePath().normalize());
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The bundles that can be connected, in the given order. */
    static List<Path> connectable(List<Path> fixed, List<Path> bundles) throws IOException {
        Map<String, Integer> owners = new HashMap<>();
        Map<Path, Set<String>> packages = new HashMap<>();
        Set<Path> excluded = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        Map<Path, String> names = new HashMap<>();
        for (Path p : fixed) {
            for (String pkg : packages(p)) {
                owners.merge(pkg, 1, Integer::sum);
            }
        }
        for (Path b : bundles) {
            Set<String> pk = packages(b);
            packages.put(b, pk);
            for (String pkg : pk) {
                owners.merge(pkg, 1, Integer::sum);
            }
            Attributes main = manifest(b);
            String cp = main.getValue("Bundle-ClassPath");
            if (cp != null && !cp.trim().equals(".")) {
                excluded.add(b);
            }
            String host = main.getValue("Fragment-Host");
            if (host != null) {
                excluded.add(b);
                hosts.add(symbolicName(host));
            }
            String bsn = main.getValue("Bundle-SymbolicName");
            if (bsn != null) {
                names.put(b, symbolicName(bsn));
            }
        }
        List<Path> out = new ArrayList<>();
        for (Path b : bundles) {
            boolean shared = packages.get(b).stream().anyMatch(pkg -> owners.get(pkg) > 1);
            if (!shared && !excluded.contains(b) && !hosts.contains(names.get(b))) {
                out.add(b);
            }
        }
        return out;
    }

    private static String symbolicName(String header) {
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim();
    }

    private static Attributes manifest(Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
                return new Manifest(in).getMainAttributes();
            }
        }
        try (JarFile jar = new JarFile(bundle.toFile(), false)) {
            Manifest m = jar.getManifest();
            return m == null ? new Attributes() : m.getMainAttributes();
        }
    }

    /** The packages holding classes in a jar or directory (multi-release and module-info aside). */
    static Set<String> packages(Path bundle) throws IOException {
        Set<String> out = new TreeSet<>();
        if (Files.isDirectory(bundle)) {
            try (Stream<Path> all = Files.walk(bundle)) {
                all.forEach(p -> addPackage(out, bundle.relativize(p).toString().replace(File.separatorChar, '/')));
            }
        } else if (Files.isRegularFile(bundle)) {
            try (JarFile jar = new JarFile(bundle.toFile(), false)) {
                jar.stream().forEach(e -> addPackage(out, e.getName()));
            }
        }
        return out;
    }

    private static void addPackage(Set<String> out, String entry) {
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")) {
            return;
        }
        int slash = entry.lastIndexOf('/');
        out.add(slash < 0 ? "" : entry.substring(0, slash));
    }
}
