package io.nubis.runtime.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/**
 * A minimal {@link TargetRoot} over a temporary directory for tests: paths resolve as if chrooted
 * ({@code ..} stops at the root, absolute symlinks restart from it), writes are atomic.
 */
final class TempDirTarget implements TargetRoot {
    private final Path root;

    TempDirTarget(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** Test helper: writes a UTF-8 file. */
    TempDirTarget file(String path, String content) throws IOException {
        writeString(path, content, FileAttributes.PUBLIC);
        return this;
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path resolve(String path) throws PathEscapeException {
        if (path == null || !path.startsWith("/")) {
            throw new PathEscapeException(String.valueOf(path), "not an absolute path");
        }
        Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
        Path cur = root;
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!cur.equals(root)) {
                    cur = cur.getParent();
                }
                continue;
            }
            Path next = cur.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > 40) {
                    throw new PathEscapeException(path, "too many symlinks");
                }
                String link;
                try {
                    link = Files.readSymbolicLink(next).toString();
                } catch (IOException e) {
                    throw new PathEscapeException(path, "unreadable symlink " + next);
                }
                if (link.startsWith("/")) {
                    cur = root;
                }
                List<String> parts = List.of(link.split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
            } else {
                cur = next;
            }
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
        Path tmp = Files.createTempFile(p.getParent(), ".tmp-", ".nubis");
        try {
            Files.write(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.setPosixFilePermissions(tmp, perms(attrs.mode()));
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void append(String path, byte[] content, FileAttributes attrs) throws IOException {
        Path p = resolve(path);
        boolean created = !Files.exists(p);
        Files.createDirectories(p.getParent());
        Files.write(p, content, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) {
            Files.setPosixFilePermissions(p, perms(attrs.mode()));
        }
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
        try {
            return Files.deleteIfExists(resolveNoFollow(path));
        } catch (DirectoryNotEmptyException e) {
            throw new IOException("directory not empty: " + path, e);
        }
    }

    @Override
    public void deleteTree(String path) throws IOException {
        Path p = resolveNoFollow(path);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.list(p)) {
                for (Path child : s.toList()) {
                    deleteTree(path.endsWith("/") ? path + child.getFileName() : path + "/" + child.getFileName());
                }
            }
        }
        Files.delete(p);
    }

    @Override
    public void symlink(String path, String target) throws IOException {
        Path p = resolveNoFollow(path);
        Files.createDirectories(p.getParent());
        Files.deleteIfExists(p);
        Files.createSymbolicLink(p, Path.of(target));
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Path p = resolve(dir);
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(p)) {
            s.forEach(c -> names.add(c.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        Files.setPosixFilePermissions(resolve(path), perms(mode));
    }

    @Override
    public void chown(String path, String owner, String group) throws IOException {
        Path p = resolve(path);
        if (owner != null) {
            Files.setAttribute(p, "unix:uid", id(owner, "/etc/passwd"));
        }
        if (group != null) {
            Files.setAttribute(p, "unix:gid", id(group, "/etc/group"));
        }
    }

    @Override
    public int mode(String path) throws IOException {
        return (Integer) Files.getAttribute(resolve(path), "unix:mode") & 07777;
    }

    private int id(String name, String db) throws IOException {
        if (name.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(name);
        }
        for (String line : new String(read(db), StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split(":");
            if (f.length > 2 && f[0].equals(name)) {
                return Integer.parseInt(f[2]);
            }
        }
        throw new NoSuchFileException(db, null, "no entry for " + name);
    }

    private Path resolveNoFollow(String path) throws PathEscapeException {
        int slash = path.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new PathEscapeException(path, "no file name");
        }
        return resolve(parent).resolve(name);
    }

    private static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE,
        };
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }
}
