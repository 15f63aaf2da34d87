package io.nubis.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;

/**
 * Remembers, beside the Felix cache, what each installed bundle file looked like (size and
 * modification time), so a changed jar is updated in the kept cache and an unchanged one is not
 * read again.
 */
final class BundleFingerprints {
    private static final String FILE = "nubis-bundles.properties";
    private final Path file;
    private final Properties known = new Properties();
    private boolean dirty;

    BundleFingerprints(Path cacheDir) {
        this.file = cacheDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                known.load(in);
            } catch (IOException e) {
                known.clear();
            }
        }
    }

    /** Fingerprint of a bundle file or exploded bundle directory. */
    static String of(Path bundle) throws IOException {
        BasicFileAttributes a = Files.readAttributes(bundle, BasicFileAttributes.class);
        long mtime = a.lastModifiedTime().toMillis();
        if (a.isDirectory()) {
            Path manifest = bundle.resolve("META-INF/MANIFEST.MF");
            if (Files.exists(manifest)) {
                mtime = Math.max(mtime, Files.getLastModifiedTime(manifest).toMillis());
            }
        }
        return a.size() + ":" + mtime;
    }

    /** True if the location was installed from a file with this fingerprint. */
    boolean matches(String location, String fingerprint) {
        return fingerprint.equals(known.getProperty(location));
    }

    void put(String location, String fingerprint) {
        if (!fingerprint.equals(known.put(location, fingerprint))) {
            dirty = true;
        }
    }

    void remove(String location) {
        if (known.remove(location) != null) {
            dirty = true;
        }
    }

    /** Writes the fingerprints atomically if anything changed. */
    void save() throws IOException {
        if (!dirty) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            known.store(out, "bundle file fingerprints for the kept Felix cache");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        dirty = false;
    }
}
