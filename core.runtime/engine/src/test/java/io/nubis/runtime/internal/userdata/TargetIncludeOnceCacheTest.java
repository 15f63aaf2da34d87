package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

class TargetIncludeOnceCacheTest {
    @TempDir
    Path root;

    @Test
    void storesPrivatelyUnderTheMd5AndReadsBack() throws IOException {
        TargetIncludeOnceCache cache = new TargetIncludeOnceCache(new DirTarget(root), TargetIncludeOnceCache.DEFAULT_DIR);
        String url = "http://seed/once";
        assertTrue(cache.get(url).isEmpty());
        cache.put(url, utf8("#cloud-config\n"));
        Path file = root.resolve("var/lib/cloud/instance/data/urlcache/" + IncludeOnceCache.fileName(url));
        assertArrayEquals(utf8("#cloud-config\n"), Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(utf8("#cloud-config\n"), cache.get(url).orElseThrow());
        assertEquals("/var/lib/cloud/instance/data/urlcache/" + IncludeOnceCache.fileName(url), cache.path(url));
    }

    /** The part of a target root the cache uses, on a temporary directory. */
    private record DirTarget(Path root) implements TargetRoot {
        @Override
        public Path resolve(String path) throws PathEscapeException {
            return root.resolve(path.substring(1));
        }

        @Override
        public boolean exists(String path) {
            return Files.exists(root.resolve(path.substring(1)));
        }

        @Override
        public boolean isDirectory(String path) {
            return Files.isDirectory(root.resolve(path.substring(1)));
        }

        @Override
        public byte[] read(String path) throws IOException {
            return Files.readAllBytes(root.resolve(path.substring(1)));
        }

        @Override
        public void write(String path, byte[] content, FileAttributes attrs) throws IOException {
            Path p = root.resolve(path.substring(1));
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".tmp", "");
            Files.write(tmp, content);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(
                    attrs.mode() == 0600 ? "rw-------" : "rw-r--r--"));
            Files.move(tmp, p, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void append(String path, byte[] content, FileAttributes attrs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void mkdirs(String path, int mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteTree(String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void symlink(String path, String target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> list(String dir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void chmod(String path, int mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void chown(String path, String owner, String group) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int mode(String path) {
            throw new UnsupportedOperationException();
        }
    }
}
