package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/**
 * Test double of {@link TargetRoot} over a temporary directory: resolves target paths component by
 * component, following symlinks inside the root and refusing any that leave it.
 */
final class TempTarget implements TargetRoot {
    private final Path root;

    TempTarget(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path resolve(String path) throws PathEscapeException {
        if (path == null || !path.startsWith("/")) {
            throw new PathEscapeException(String.valueOf(path), "not absolute");
        }
        return resolve(path, 0);
    }

    private Path resolve(String path, int depth) throws PathEscapeException {
        if (depth > 40) {
            throw new PathEscapeException(path, "too many symlinks");
        }
        Path cur = root;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                cur = cur.equals(root) ? root : cur.getParent();
                continue;
            }
            Path next = cur.resolve(p);
            if (Files.isSymbolicLink(next)) {
                try {
                    String link = Files.readSymbolicLink(next).toString();
                    String rest = String.join("/", List.of(parts).subList(i + 1, parts.length));
                    String base = link.startsWith("/") ? link : "/" + root.relativize(cur) + "/" + link;
                    return resolve(base + "/" + rest, depth + 1);
                } catch (IOException e) {
                    throw new PathEscapeException(path, e.getMessage());
                }
            }
            cur = next;
        }
        if (!cur.normalize().startsWith(root)) {
            throw new PathEscapeException(path, "outside the root");
        }
        return cur;
    }

    @Override
    public boolean exists(String path) {
        try {
            return Files.exists(resolve(path));
        } catch (PathEscapeException e) {
            return false;
        }
    }

    @Override
    public boolean isDirectory(String path) {
        try {
            return Files.isDirectory(resolve(path));
        } catch (PathEscapeException e) {
            return false;
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(resolve(path));
    }

    @Override
    public void write(String path, byte[] content, FileAttributes attrs) throws IOException {
        Path p = resolve(path);
        Files.createDirectories(p.getParent());
        Path tmp = Files.createTempFile(p.getParent(), ".tmp", "");
        Files.write(tmp, content);
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        chmod(path, attrs.mode());
    }

    @Override
    public void append(String path, byte[] content, FileAttributes attrs) throws IOException {
        Path p = resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void mkdirs(String path, int mode) throws IOException {
        Path p = resolve(path);
        if (!Files.isDirectory(p)) {
            Files.createDirectories(p);
            Files.setPosixFilePermissions(p, perms(mode));
        }
    }

    @Override
    public boolean delete(String path) throws IOException {
        return Files.deleteIfExists(resolve(path));
    }

    @Override
    public void deleteTree(String path) throws IOException {
        Path p = resolve(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    @Override
    public void symlink(String path, String target) throws IOException {
        Path p = resolve(path);
        Files.deleteIfExists(p);
        Files.createSymbolicLink(p, Path.of(target));
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Path p = resolve(dir);
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        Files.setPosixFilePermissions(resolve(path), perms(mode));
    }

    @Override
    public void chown(String path, String owner, String group) {
        throw new UnsupportedOperationException("not needed by datasource tests");
    }

    @Override
    public int mode(String path) throws IOException {
        int m = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(resolve(path))) {
            m |= 1 << (8 - p.ordinal());
        }
        return m;
    }

    private static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                s.add(all[i]);
            }
        }
        return s;
    }

    /** Test helper: writes a file (creating parents) and returns its host path. */
    Path put(String path, String content) throws IOException {
        return put(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Test helper: writes a file (creating parents) and returns its host path. */
    Path put(String path, byte[] content) throws IOException {
        Path p = resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }
}
