package io.nubis.adapter.pkg.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.nubis.api.distro.Step;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/** Test double: a target root over a temporary directory, plus a step applier. No ownership changes. */
final class TempTarget implements TargetRoot {
    private final Path root;

    TempTarget(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path resolve(String path) throws PathEscapeException {
        if (path == null || !path.startsWith("/")) {
            throw new PathEscapeException(path, "not absolute");
        }
        Path p = root.resolve(path.substring(1)).normalize();
        if (!p.startsWith(root)) {
            throw new PathEscapeException(path, "leaves the root");
        }
        return p;
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
        Files.write(p, content);
        chmod(path, attrs.mode());
    }

    @Override
    public void append(String path, byte[] content, FileAttributes attrs) throws IOException {
        Path p = resolve(path);
        boolean created = !Files.exists(p);
        Files.createDirectories(p.getParent());
        Files.write(p, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) {
            chmod(path, attrs.mode());
        }
    }

    @Override
    public void mkdirs(String path, int mode) throws IOException {
        Path p = resolve(path);
        if (!Files.isDirectory(p)) {
            Files.createDirectories(p);
            chmod(path, mode);
        }
    }

    @Override
    public boolean delete(String path) throws IOException {
        return Files.deleteIfExists(resolve(path));
    }

    @Override
    public void deleteTree(String path) throws IOException {
        Path p = resolve(path);
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path x : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(x);
                }
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
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(order[i]);
            }
        }
        Files.setPosixFilePermissions(resolve(path), perms);
    }

    @Override
    public void chown(String path, String owner, String group) {
        throw new UnsupportedOperationException("chown in a unit test");
    }

    @Override
    public int mode(String path) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(resolve(path));
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        int mode = 0;
        for (int i = 0; i < order.length; i++) {
            if (perms.contains(order[i])) {
                mode |= 1 << i;
            }
        }
        return mode;
    }

    /** Applies file steps the way the runtime will; Run steps are not allowed here. */
    void apply(List<Step> steps) throws IOException {
        for (Step s : steps) {
            if (s instanceof Step.Write w) {
                writeString(w.path(), w.content(), w.attrs());
            } else if (s instanceof Step.Append a) {
                append(a.path(), a.content().getBytes(java.nio.charset.StandardCharsets.UTF_8), a.attrs());
            } else if (s instanceof Step.Delete d) {
                delete(d.path());
            } else if (s instanceof Step.Mkdir m) {
                mkdirs(m.path(), m.mode());
            } else {
                throw new IllegalArgumentException("cannot apply " + s);
            }
        }
    }

    /** Writes a fixture file. */
    void put(String path, String content) throws IOException {
        writeString(path, content, FileAttributes.PUBLIC);
    }

    /** Reads a file as text. */
    String text(String path) throws IOException {
        return readString(path).orElseThrow();
    }
}
