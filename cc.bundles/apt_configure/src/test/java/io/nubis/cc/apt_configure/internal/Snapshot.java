package io.nubis.cc.apt_configure.internal;

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

/** The file tree of a test target: path to mode and content, for idempotency checks. */
final class Snapshot {
    private Snapshot() {
    }

    static Map<String, String> of(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = "/" + root.relativize(p);
                String perm = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, perm + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
                } else {
                    out.put(rel, perm + (Files.isSymbolicLink(p) ? " -> " + Files.readSymbolicLink(p) : " dir"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
