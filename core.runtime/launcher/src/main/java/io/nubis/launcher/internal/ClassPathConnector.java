package io.nubis.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.connect.ConnectContent;
import org.osgi.framework.connect.ConnectModule;
import org.osgi.framework.connect.ModuleConnector;

/**
 * OSGi Connect for the assembly's own bundles: a bundle whose jar (or exploded directory) is on
 * the JVM's class path gets the application class loader instead of a framework one. Resolution,
 * wiring, services and DS are unchanged; only class loading moves to the loader whose classes the
 * JDK's class-data archive (AppCDS, AOT cache) can hold fully linked, lambdas included. Every
 * other bundle (vendor drop-ins, bundles not on the class path) is installed as usual and keeps
 * its own class loader, so a vendor's private packages are never shadowed.
 */
final class ClassPathConnector implements ModuleConnector {
    /** Location prefix of the bundles this connector serves. */
    static final String CONNECT = "connect:";
    private static final String REFERENCE = "reference:";
    private final Set<Path> classPath;
    private final ClassLoader loader;

    /**
     * @param classPath the bundle files and directories that {@code loader} loads classes from
     * @param loader    the loader they share
     */
    ClassPathConnector(Set<Path> classPath, ClassLoader loader) {
        this.classPath = classPath;
        this.loader = loader;
    }

    /** Connects the bundles on {@code java.class.path}; none if {@code enabled} is false. */
    static ClassPathConnector ofJvmClassPath(boolean enabled) {
        Set<Path> cp = new HashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (enabled && !e.isEmpty()) {
                cp.add(Paths.get(e).toAbsolutePath().normalize());
            }
        }
        return new ClassPathConnector(cp, ClassPathConnector.class.getClassLoader());
    }

    /**
     * The location to install a stock bundle under: {@code connect:URI} (this connector serves
     * it) when it is on the class path, else {@link #reference}.
     */
    String location(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return classPath.contains(p) ? CONNECT + p.toUri() : reference(p);
    }

    /** The location of a bundle the framework reads in place with a class loader of its own. */
    static String reference(Path file) {
        return REFERENCE + file.toAbsolutePath().toUri();
    }

    /** The file of a {@code connect:} location, or null. */
    static Path file(String location) {
        if (!location.startsWith(CONNECT)) {
            return null;
        }
        try {
            return Paths.get(URI.create(location.substring(CONNECT.length()))).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void initialize(File storage, Map<String, String> configuration) {
        // nothing kept
    }

    @Override
    public Optional<ConnectModule> connect(String location) {
        Path p = file(location);
        if (p == null || !Files.exists(p)) {
            return Optional.empty();
        }
        // a connect: location kept in the cache from a run with another class path still loads,
        // with a framework class loader over the same content
        ClassLoader cl = classPath.contains(p) ? loader : null;
        return Optional.of(() -> Files.isDirectory(p) ? new DirContent(p, cl) : new JarContent(p, cl));
    }

    @Override
    public Optional<BundleActivator> newBundleActivator() {
        return Optional.empty();
    }

    /** One entry read whole on demand. */
    private record Entry(String name, long length, long lastModified, Opener opener) implements ConnectContent.ConnectEntry {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public long getLastModified() {
            return lastModified;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    /** What both kinds of content share: no headers of their own (the framework reads the manifest), the loader. */
    private abstract static class BundleContent implements ConnectContent {
        private final ClassLoader loader;

        BundleContent(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public Optional<Map<String, String>> getHeaders() {
            return Optional.empty();
        }

        @Override
        public Optional<ClassLoader> getClassLoader() {
            return Optional.ofNullable(loader);
        }

        @Override
        public void open() {
            // opened lazily
        }

        @Override
        public void close() throws IOException {
            // nothing held
        }
    }

    /** A bundle jar, opened while the framework keeps the content open. */
    private static final class JarContent extends BundleContent {
        private final Path file;
        private ZipFile zip;

        JarContent(Path file, ClassLoader loader) {
            super(loader);
            this.file = file;
        }

        private synchronized ZipFile zip() throws IOException {
            if (zip == null) {
                zip = new ZipFile(file.toFile());
            }
            return zip;
        }

        @Override
        public Iterable<String> getEntries() throws IOException {
            List<String> names = new ArrayList<>();
            Enumeration<? extends ZipEntry> en = zip().entries();
            while (en.hasMoreElements()) {
                names.add(en.nextElement().getName());
            }
            return names;
        }

        @Override
        public Optional<ConnectEntry> getEntry(String path) {
            try {
                ZipFile z = zip();
                ZipEntry e = z.getEntry(path);
                if (e == null) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(e.getName(), e.getSize(), e.getTime(), () -> z.getInputStream(e)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (zip != null) {
                zip.close();
                zip = null;
            }
        }
    }

    /** An exploded bundle directory. */
    private static final class DirContent extends BundleContent {
        private final Path dir;

        DirContent(Path dir, ClassLoader loader) {
            super(loader);
            this.dir = dir;
        }

        @Override
        public Iterable<String> getEntries() throws IOException {
            List<String> names = new ArrayList<>();
            try (Stream<Path> all = Files.walk(dir)) {
                all.filter(p -> !p.equals(dir)).forEach(p -> {
                    String n = dir.relativize(p).toString().replace(File.separatorChar, '/');
                    names.add(Files.isDirectory(p) ? n + "/" : n);
                });
            }
            return names;
        }

        @Override
        public Optional<ConnectEntry> getEntry(String path) {
            String rel = path.startsWith("/") ? path.substring(1) : path;
            Path p = dir.resolve(rel).normalize();
            if (!p.startsWith(dir) || !Files.exists(p)) {
                return Optional.empty();
            }
            try {
                long len = Files.isDirectory(p) ? 0 : Files.size(p);
                long mod = Files.getLastModifiedTime(p).toMillis();
                return Optional.of(new Entry(path, len, mod, () -> Files.newInputStream(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
