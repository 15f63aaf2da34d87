package io.nubis.cc.resolv_conf.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every path under a root with its type, content or link target, and mode: compared before and after a rerun. */
final class Snapshot {
    private Snapshot() {
    }

    static Map<String, String> of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = "/" + root.relativize(p);
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir " + mode);
                } else {
                    out.put(rel, "file " + mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(p))
                            + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis()
                            + " " + Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS));
                }
            }
        }
        return out;
    }
}
