package io.nubis.api.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every file operation relative to a root directory. Paths are absolute paths as seen inside
 * the target ({@code /etc/hostname}); they are resolved as if chrooted, so {@code ..} and
 * symlinks, absolute or relative, can never lead outside the root. Writes are atomic:
 * temporary file, fsync, rename.
 */
public interface TargetRoot {
    /** The root on the host ({@code /} on a real boot). */
    Path root();

    /**
     * Resolves a target path to a host path, following symlinks inside the root.
     *
     * @throws PathEscapeException if the path is not absolute or cannot be resolved inside the root
     */
    Path resolve(String path) throws PathEscapeException;

    /** Whether the path exists (following symlinks inside the root). */
    boolean exists(String path);

    /** Whether the path is a directory. */
    boolean isDirectory(String path);

    /** The file's bytes. */
    byte[] read(String path) throws IOException;

    /** The file as UTF-8 text, or empty if it does not exist. */
    default Optional<String> readString(String path) throws IOException {
        return exists(path) ? Optional.of(new String(read(path), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** Atomically replaces the file with {@code content}, creating parent directories (0755). */
    void write(String path, byte[] content, FileAttributes attrs) throws IOException;

    /** Atomically replaces the file with UTF-8 text. */
    default void writeString(String path, String content, FileAttributes attrs) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8), attrs);
    }

    /** Appends to a file, creating it with {@code attrs} if absent. */
    void append(String path, byte[] content, FileAttributes attrs) throws IOException;

    /** Creates a directory and its parents; existing ones are left as they are. */
    void mkdirs(String path, int mode) throws IOException;

    /** Deletes a file or an empty directory; true if something was deleted. */
    boolean delete(String path) throws IOException;

    /** Deletes a tree without following symlinks out of it. */
    void deleteTree(String path) throws IOException;

    /** Creates or replaces a symlink at {@code path} pointing to {@code target} (stored verbatim). */
    void symlink(String path, String target) throws IOException;

    /** Names in a directory, sorted; empty if it does not exist. */
    List<String> list(String dir) throws IOException;

    /** Changes mode bits. */
    void chmod(String path, int mode) throws IOException;

    /**
     * Changes owner and group, looked up by name in the target's /etc/passwd and /etc/group.
     *
     * @param owner user name or numeric id, null to keep
     * @param group group name or numeric id, null to keep
     */
    void chown(String path, String owner, String group) throws IOException;

    /** Mode bits of an existing file. */
    int mode(String path) throws IOException;
}
