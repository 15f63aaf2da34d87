package io.nubis.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.nubis.api.distro.Step;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.exec.StepApplier;
import io.nubis.runtime.internal.exec.StepException;
import io.nubis.runtime.internal.target.ChrootTarget;

/**
 * A target root over a temporary directory (typically a JUnit {@code @TempDir}), with the real
 * runtime's chroot-like path resolution and atomic writes, plus helpers to seed files and to
 * inspect the result.
 * <p>
 * Ownership is never changed on disk (tests run as any user); instead every owner or group a
 * write, append or chown asks for is remembered per file and returned by {@link #owner(String)}.
 * Seeding helpers throw {@link UncheckedIOException} so they can be chained in a test's set-up.
 *
 * <pre>{@code
 * TempTarget t = TempTarget.in(tempDir).user("alice", 1000).executable("/usr/sbin/useradd");
 * // run the module, then
 * assertEquals("permit nopass alice\n", t.text("/etc/doas.conf"));
 * assertEquals(Optional.of("alice:alice"), t.owner("/home/alice/.ssh/authorized_keys"));
 * }</pre>
 */
public final class TempTarget implements TargetRoot {
    private final ChrootTarget target;
    /** Host path to {owner, group} requested for it. */
    private final Map<Path, String[]> owners = new ConcurrentHashMap<>();

    private TempTarget(ChrootTarget target) {
        this.target = target;
    }

    /** A target rooted at {@code dir}, which must exist. */
    public static TempTarget in(Path dir) {
        try {
            return new TempTarget(new ChrootTarget(dir, false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + dir + " as a target root", e);
        }
    }

    // ---- seeding -----------------------------------------------------------------------------

    /** Seeds a file (0644), creating parent directories. */
    public TempTarget file(String path, String content) {
        return file(path, content, 0644);
    }

    /** Seeds a file with a mode, creating parent directories. */
    public TempTarget file(String path, String content, int mode) {
        unchecked(() -> target.writeString(path, content, FileAttributes.mode(mode)));
        return this;
    }

    /** Seeds a directory (0755) and its parents. */
    public TempTarget dir(String path) {
        unchecked(() -> target.mkdirs(path, 0755));
        return this;
    }

    /** Seeds a symlink at {@code path} pointing to {@code linkTarget} (stored verbatim). */
    public TempTarget link(String path, String linkTarget) {
        unchecked(() -> target.symlink(path, linkTarget));
        return this;
    }

    /**
     * Seeds executable stub programs (0755 shell scripts) so that {@code which} finds them:
     * absolute target paths such as {@code /usr/sbin/useradd}.
     */
    public TempTarget executable(String... paths) {
        for (String p : paths) {
            file(p, "#!/bin/sh\nexit 0\n", 0755);
        }
        return this;
    }

    /**
     * Adds a user to the target's {@code /etc/passwd} (home {@code /home/NAME}, shell
     * {@code /bin/sh}) and a group of the same name and id to {@code /etc/group}.
     */
    public TempTarget user(String name, int uid) {
        appendLine("/etc/passwd", name + ":x:" + uid + ":" + uid + "::/home/" + name + ":/bin/sh");
        return group(name, uid);
    }

    /** Adds a group with members to the target's {@code /etc/group}. */
    public TempTarget group(String name, int gid, String... members) {
        appendLine("/etc/group", name + ":x:" + gid + ":" + String.join(",", members));
        return this;
    }

    private void appendLine(String path, String line) {
        unchecked(() -> target.append(path, (line + "\n").getBytes(StandardCharsets.UTF_8), FileAttributes.PUBLIC));
    }

    /**
     * Applies the file steps an adapter planned (write, append, delete, mkdir) in order, the way
     * the runtime's step applier does; for adapter tests that check what a second plan does.
     *
     * @throws IllegalArgumentException if a step runs a command (plan those with a {@link RecordingRunner})
     * @throws IOException naming the step that failed
     */
    public void apply(List<Step> steps) throws IOException {
        for (Step s : steps) {
            if (s instanceof Step.Run) {
                throw new IllegalArgumentException("cannot apply " + StepApplier.describe(s) + " to a target");
            }
        }
        try {
            new StepApplier(this, null).apply(steps);
        } catch (StepException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    // ---- inspection --------------------------------------------------------------------------

    /** A file's content as UTF-8; fails the test with an {@link AssertionError} if it does not exist. */
    public String text(String path) {
        try {
            return target.readString(path)
                    .orElseThrow(() -> new AssertionError("no file " + path + " in the target " + root()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host path a target path resolves to (inside the temporary directory). */
    public Path host(String path) {
        try {
            return target.resolve(path);
        } catch (PathEscapeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The ownership last asked for a file, in chown's spelling: {@code alice:staff},
     * {@code alice} (owner only) or {@code :staff} (group only); empty if none was asked.
     */
    public Optional<String> owner(String path) {
        String[] o = owners.get(host(path));
        if (o == null) {
            return Optional.empty();
        }
        return Optional.of((o[0] == null ? "" : o[0]) + (o[1] == null ? "" : ":" + o[1]));
    }

    private void remember(String path, String owner, String group, boolean replace) throws PathEscapeException {
        Path p = target.resolve(path);
        if (owner == null && group == null) {
            if (replace) {
                owners.remove(p);
            }
            return;
        }
        owners.compute(p, (k, old) -> {
            if (old == null || replace) {
                return new String[] {owner, group};
            }
            return new String[] {owner != null ? owner : old[0], group != null ? group : old[1]};
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- TargetRoot --------------------------------------------------------------------------

    @Override
    public Path root() {
        return target.root();
    }

    @Override
    public Path resolve(String path) throws PathEscapeException {
        return target.resolve(path);
    }

    @Override
    public boolean exists(String path) {
        return target.exists(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return target.isDirectory(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        return target.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileAttributes attrs) throws IOException {
        target.write(path, content, attrs);
        if (attrs != null) {
            remember(path, attrs.owner(), attrs.group(), true);
        }
    }

    @Override
    public void append(String path, byte[] content, FileAttributes attrs) throws IOException {
        boolean created = !target.exists(path);
        target.append(path, content, attrs);
        if (created && attrs != null) {
            remember(path, attrs.owner(), attrs.group(), true);
        }
    }

    @Override
    public void mkdirs(String path, int mode) throws IOException {
        target.mkdirs(path, mode);
    }

    @Override
    public boolean delete(String path) throws IOException {
        boolean deleted = target.delete(path);
        forgetDeleted();
        return deleted;
    }

    @Override
    public void deleteTree(String path) throws IOException {
        target.deleteTree(path);
        forgetDeleted();
    }

    private void forgetDeleted() {
        owners.keySet().removeIf(p -> !Files.exists(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public void symlink(String path, String linkTarget) throws IOException {
        target.symlink(path, linkTarget);
    }

    @Override
    public List<String> list(String dir) throws IOException {
        return target.list(dir);
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        target.chmod(path, mode);
    }

    @Override
    public void chown(String path, String owner, String group) throws IOException {
        target.chown(path, owner, group);
        remember(path, owner, group, false);
    }

    @Override
    public int mode(String path) throws IOException {
        return target.mode(path);
    }

    @Override
    public String toString() {
        return "TempTarget[" + root() + "]";
    }
}
