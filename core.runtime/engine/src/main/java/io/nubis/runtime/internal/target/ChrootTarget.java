package io.nubis.runtime.internal.target;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/**
 * A {@link TargetRoot} over a host directory, resolving target paths as {@code chroot(2)}
 * would: component by component, {@code ..} stops at the root, and symlinks are followed inside
 * the root (absolute targets re-rooted, relative ones resolved against their directory), at most
 * {@value #MAX_SYMLINKS} of them per path. Writes are atomic: a temporary file in the same
 * directory (created 0600), written, fsynced, given its mode and owner, renamed over the
 * destination, then the directory is fsynced. A write through a final symlink writes the file the
 * link resolves to inside the root. Ownership names are looked up in the target's own
 * {@code /etc/passwd} and {@code /etc/group}; without uid 0, chown is a no-op logged at DEBUG.
 * <p>
 * Resolution checks each component with {@code lstat}; it guards against hostile content of the
 * target (links pointing out), not against another process changing the tree concurrently.
 */
public final class ChrootTarget implements TargetRoot {
    /** Symlinks followed at most while resolving one path, as Linux's {@code MAXSYMLINKS}. */
    public static final int MAX_SYMLINKS = 40;

    private static final Logger LOG = LoggerFactory.getLogger(ChrootTarget.class);
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final int DIR_MODE = 0755;

    private final Path root;
    private final boolean privileged;

    /** A target over {@code root}; chown works if the agent runs as uid 0. */
    public ChrootTarget(Path root) throws IOException {
        this(root, Privileges.isRoot());
    }

    /**
     * A target over {@code root}.
     *
     * @param privileged whether ownership changes are made (needs uid 0); false makes chown a no-op
     */
    public ChrootTarget(Path root, boolean privileged) throws IOException {
        Path real = root.toAbsolutePath().toRealPath();
        if (!Files.isDirectory(real)) {
            throw new NotDirectoryException(root + " (target root)");
        }
        this.root = real;
        this.privileged = privileged;
    }

    @Override
    public Path root() {
        return root;
    }

    /** True if ownership changes are made. */
    public boolean privileged() {
        return privileged;
    }

    @Override
    public Path resolve(String path) throws PathEscapeException {
        return resolve(path, true);
    }

    /** Resolves every component but the last, which is kept as it is even if it is a symlink. */
    Path resolveNoFollow(String path) throws PathEscapeException {
        return resolve(path, false);
    }

    private Path resolve(String path, boolean followLast) throws PathEscapeException {
        if (path == null || path.isEmpty()) {
            throw new PathEscapeException(String.valueOf(path), "no path given");
        }
        if (path.charAt(0) != '/') {
            throw new PathEscapeException(path, "not an absolute path");
        }
        if (path.indexOf('\0') >= 0) {
            throw new PathEscapeException(path.replace('\0', '?'), "contains a NUL character");
        }
        Deque<String> pending = new ArrayDeque<>();
        push(pending, path);
        List<String> done = new ArrayList<>();
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.pollFirst();
            if (name.isEmpty() || ".".equals(name)) {
                continue;
            }
            if ("..".equals(name)) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path candidate = host(done).resolve(name);
            if ((followLast || !pending.isEmpty()) && Files.isSymbolicLink(candidate)) {
                if (++links > MAX_SYMLINKS) {
                    throw new PathEscapeException(path, "too many levels of symbolic links (more than "
                            + MAX_SYMLINKS + ")");
                }
                String target;
                try {
                    target = Files.readSymbolicLink(candidate).toString();
                } catch (IOException e) {
                    throw new PathEscapeException(path, "cannot read symbolic link " + target(done, name) + ": " + e);
                }
                if (target.isEmpty()) {
                    throw new PathEscapeException(path, "empty symbolic link " + target(done, name));
                }
                if (target.charAt(0) == '/') {
                    done.clear();
                }
                push(pending, target);
                continue;
            }
            done.add(name);
        }
        return host(done);
    }

    /** Puts the components of {@code p} in front of the pending ones. */
    private static void push(Deque<String> pending, String p) {
        String[] parts = p.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            pending.addFirst(parts[i]);
        }
    }

    private Path host(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }

    private static String target(List<String> done, String name) {
        return "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + name;
    }

    /** The target path of a host path inside the root, for messages. */
    private String targetPath(Path host) {
        return "/" + root.relativize(host).toString();
    }

    @Override
    public boolean exists(String path) {
        try {
            return Files.exists(resolve(path), NOFOLLOW);
        } catch (PathEscapeException e) {
            return false;
        }
    }

    @Override
    public boolean isDirectory(String path) {
        try {
            return Files.isDirectory(resolve(path), NOFOLLOW);
        } catch (PathEscapeException e) {
            return false;
        }
    }

    @Override
    public byte[] read(String path) throws IOException {
        Path p = resolve(path);
        if (Files.isDirectory(p, NOFOLLOW)) {
            throw new FileSystemException(path, null, "is a directory");
        }
        try {
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path, null, "no such file in target " + root);
        }
    }

    @Override
    public void write(String path, byte[] content, FileAttributes attrs) throws IOException {
        if (content == null) {
            throw new IllegalArgumentException("no content given for " + path);
        }
        if (attrs != null) {
            FileModes.check(attrs.mode());
        }
        Path dest = resolve(path);
        if (dest.equals(root)) {
            throw new FileSystemException(path, null, "is the target root");
        }
        if (Files.isDirectory(dest, NOFOLLOW)) {
            throw new FileSystemException(path, null, "is a directory");
        }
        Path dir = dest.getParent();
        createDirectories(dir, DIR_MODE, path);
        int mode;
        int uid = -1;
        int gid = -1;
        if (attrs != null) {
            mode = attrs.mode();
        } else if (Files.exists(dest, NOFOLLOW)) {
            // no attributes: keep the existing file's mode and owner
            mode = FileModes.read(dest);
            if (privileged) {
                uid = (Integer) Files.getAttribute(dest, "unix:uid", NOFOLLOW);
                gid = (Integer) Files.getAttribute(dest, "unix:gid", NOFOLLOW);
            }
        } else {
            mode = FileAttributes.PUBLIC.mode();
        }
        Path tmp = createTemp(dir, dest.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, NOFOLLOW)) {
                writeAll(ch, content);
                ch.force(true);
            }
            if (attrs != null) {
                chownResolved(tmp, attrs.owner(), attrs.group(), path);
            } else if (uid >= 0) {
                Files.setAttribute(tmp, "unix:uid", uid, NOFOLLOW);
                Files.setAttribute(tmp, "unix:gid", gid, NOFOLLOW);
            }
            FileModes.apply(tmp, mode);
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(tmp);
            }
        }
        syncDirectory(dir);
    }

    @Override
    public void append(String path, byte[] content, FileAttributes attrs) throws IOException {
        if (content == null) {
            throw new IllegalArgumentException("no content given for " + path);
        }
        Path dest = resolve(path);
        if (!Files.exists(dest, NOFOLLOW)) {
            write(path, content, attrs);
            return;
        }
        if (Files.isDirectory(dest, NOFOLLOW)) {
            throw new FileSystemException(path, null, "is a directory");
        }
        try (FileChannel ch = FileChannel.open(dest, StandardOpenOption.WRITE, StandardOpenOption.APPEND, NOFOLLOW)) {
            writeAll(ch, content);
            ch.force(true);
        }
    }

    @Override
    public void mkdirs(String path, int mode) throws IOException {
        FileModes.check(mode);
        Path p = resolve(path);
        if (Files.isDirectory(p, NOFOLLOW)) {
            return;
        }
        createDirectories(p.getParent(), DIR_MODE, path);
        createDirectory(p, mode, path);
    }

    @Override
    public boolean delete(String path) throws IOException {
        Path p = resolveNoFollow(path);
        if (p.equals(root)) {
            throw new FileSystemException(path, null, "refusing to delete the target root");
        }
        try {
            return Files.deleteIfExists(p);
        } catch (DirectoryNotEmptyException e) {
            throw new DirectoryNotEmptyException(path);
        }
    }

    @Override
    public void deleteTree(String path) throws IOException {
        Path top = resolveNoFollow(path);
        if (top.equals(root)) {
            throw new FileSystemException(path, null, "refusing to delete the target root");
        }
        if (!Files.exists(top, NOFOLLOW)) {
            return;
        }
        if (!Files.isDirectory(top, NOFOLLOW)) {
            Files.delete(top);
            return;
        }
        // walkFileTree does not follow links unless asked: a symlink is deleted, never entered
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void symlink(String path, String target) throws IOException {
        if (target == null || target.isEmpty() || target.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid symlink target for " + path + ": '" + target + "'");
        }
        Path link = resolveNoFollow(path);
        if (link.equals(root)) {
            throw new FileSystemException(path, null, "is the target root");
        }
        if (Files.isDirectory(link, NOFOLLOW)) {
            throw new FileSystemException(path, null, "is a directory");
        }
        Path dir = link.getParent();
        createDirectories(dir, DIR_MODE, path);
        Path linkTarget;
        try {
            linkTarget = Path.of(target);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid symlink target for " + path + ": " + e.getMessage(), e);
        }
        for (int attempt = 0;; attempt++) {
            Path tmp = dir.resolve(tempName(link.getFileName().toString()));
            try {
                Files.createSymbolicLink(tmp, linkTarget);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            boolean moved = false;
            try {
                Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
            } finally {
                if (!moved) {
                    deleteQuietly(tmp);
                }
            }
            break;
        }
        syncDirectory(dir);
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Path p = resolve(dir);
        if (!Files.exists(p, NOFOLLOW)) {
            return Collections.emptyList();
        }
        if (!Files.isDirectory(p, NOFOLLOW)) {
            throw new NotDirectoryException(dir);
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
            for (Path e : s) {
                names.add(e.getFileName().toString());
            }
        }
        Collections.sort(names);
        return names;
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        FileModes.check(mode);
        FileModes.apply(existing(path), mode);
    }

    @Override
    public void chown(String path, String owner, String group) throws IOException {
        chownResolved(existing(path), owner, group, path);
    }

    @Override
    public int mode(String path) throws IOException {
        return FileModes.read(existing(path));
    }

    private Path existing(String path) throws IOException {
        Path p = resolve(path);
        if (!Files.exists(p, NOFOLLOW)) {
            throw new NoSuchFileException(path, null, "no such file in target " + root);
        }
        return p;
    }

    private void chownResolved(Path p, String owner, String group, String path) throws IOException {
        if (owner == null && group == null) {
            return;
        }
        if (!privileged) {
            LOG.debug("Not running as root: leaving the owner of {} as it is (wanted {}:{})", path,
                    owner == null ? "" : owner, group == null ? "" : group);
            return;
        }
        int uid = owner == null ? -1 : TargetIds.uid(this, owner);
        int gid = group == null ? -1 : TargetIds.gid(this, group);
        if (uid >= 0) {
            Files.setAttribute(p, "unix:uid", uid, NOFOLLOW);
        }
        if (gid >= 0) {
            Files.setAttribute(p, "unix:gid", gid, NOFOLLOW);
        }
    }

    /** Creates the missing directories of a resolved host path, each with {@code mode}. */
    private void createDirectories(Path dir, int mode, String forPath) throws IOException {
        if (dir.equals(root) || Files.isDirectory(dir, NOFOLLOW)) {
            return;
        }
        Path p = root;
        for (Path name : root.relativize(dir)) {
            p = p.resolve(name);
            if (!Files.isDirectory(p, NOFOLLOW)) {
                createDirectory(p, mode, forPath);
            }
        }
    }

    private void createDirectory(Path p, int mode, String forPath) throws IOException {
        if (Files.exists(p, NOFOLLOW)) {
            if (Files.isDirectory(p, NOFOLLOW)) {
                return; // made meanwhile by another thread (modules running at the same time)
            }
            throw new FileSystemException(forPath, null, targetPath(p) + " exists and is not a directory");
        }
        try {
            Files.createDirectory(p);
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(p, NOFOLLOW)) {
                return;
            }
            throw new FileSystemException(forPath, null, targetPath(p) + " exists and is not a directory");
        }
        FileModes.apply(p, mode);
    }

    private static final Set<OpenOption> CREATE_TEMP = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    /** Creates an empty, private temporary file beside the destination. */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0;; attempt++) {
            Path tmp = dir.resolve(tempName(name));
            try {
                FileChannel.open(tmp, CREATE_TEMP, PosixFilePermissions.asFileAttribute(OWNER_ONLY)).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** {@code .NAME.nubis-RANDOM.tmp}, kept short enough for any file system. */
    static String tempName(String name) {
        String base = name.length() > 200 ? name.substring(0, 200) : name;
        return "." + base + ".nubis-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp";
    }

    private static void writeAll(FileChannel ch, byte[] content) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Cannot remove temporary file {}: {}", p, e.toString());
        }
    }

    @Override
    public String toString() {
        return "ChrootTarget[" + root + "]";
    }
}
