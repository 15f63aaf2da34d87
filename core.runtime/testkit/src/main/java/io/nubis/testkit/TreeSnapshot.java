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
 * target, plus each regular file's modification time and inode: for idempotency tests, take one
 * before a second run and one after and assert they are equal. A file rewritten with the same
 * content (an atomic replace) counts as a change.
 *
 * <pre>{@code
 * Map<String, String> before = TreeSnapshot.of(dir);
 * module.run(ctx);
 * assertEquals(before, TreeSnapshot.of(dir));
 * }</pre>
 * Keys are target paths ({@code /}, {@code /etc/hostname}); values read {@code dir rwxr-xr-x},
 * {@code file rw-r--r-- BASE64 MTIME_MS INODE} or {@code link TARGET}.
 */
public final class TreeSnapshot {
    private TreeSnapshot() {
    }

    /** Types, modes, contents, link targets, and file times and inodes of everything under {@code root}. */
    public static Map<String, String> of(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put("/" + root.relativize(p), describe(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot " + root, e);
        }
        return out;
    }

    private static String describe(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            return "link " + Files.readSymbolicLink(p);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + mode;
        }
        return "file " + mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis()
                + " " + Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }
}
