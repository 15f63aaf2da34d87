package io.nubis.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Paths inside a target root, with absolute symbolic links resolved inside that root (not the host). */
final class RootPaths {
    private RootPaths() {
    }

    static Path resolve(Path root, String absPath) throws IOException {
        Path cur = root;
        int hops = 0;
        for (String part : absPath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            Path next = cur.resolve(part);
            while (Files.isSymbolicLink(next)) {
                if (++hops > 40) {
                    throw new IOException("too many symbolic links under " + root + " in " + absPath);
                }
                Path target = Files.readSymbolicLink(next);
                next = target.isAbsolute() ? resolve(root, target.toString()) : next.getParent().resolve(target).normalize();
            }
            cur = next;
        }
        return cur;
    }
}
