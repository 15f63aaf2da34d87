package io.nubis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every path under a directory (a test's target root) with its type, mode, and content or link
 * target, for idempotency tests: take one before a second run, one after, and assert they are equal.
 *
 * <pre>{@code
 * Map<String, String> before = TreeSnapshot.of(dir);
 * module.run(ctx);
 * assertEquals(before, TreeSnapshot.of(dir));
 * }</pre>
 * Keys are target paths ({@code /}, {@code /etc/hostname}); values read {@code dir rwxr-xr-x},
 * {@code file rw-r--r-- BASE64} or {@code link TARGET}.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** Types, modes, contents and link targets of everything under {@code root}. */
    public static Map<String, String> of(Path root) {
        return walk(root, false);
    }

    /**
     * Like {@link #of(Path)}, plus each regular file's modification time and inode, so that a
     * file rewritten with the same content (an atomic replace) also counts as a change.
     */
    public static Map<String, String> withIdentity(Path root) {
        return walk(root, true);
    }

    private static Map<String, String> walk(Path root, boolean identity) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put("/" + root.relativize(p), describe(p, identity));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot " + root, e);
        }
        return out;
    }

    private static String describe(Path p, boolean identity) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link " + Files.readSymbolicLink(p);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + mode;
        }
        String file = "file " + mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p));
        if (identity) {
            file += " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis()
                    + " " + Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        }
        return file;
    }
}
