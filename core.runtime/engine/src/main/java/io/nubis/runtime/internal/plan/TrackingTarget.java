package io.nubis.runtime.internal.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/**
 * A target root that records what changed under it, for the plan summary: each path written,
 * appended to, linked, deleted or created as a directory, with what happened first to it
 * ({@code created} if it did not exist, else {@code changed}; a write with the same content and
 * mode is not a change). Every call is passed to the wrapped target.
 */
public final class TrackingTarget implements TargetRoot {
    /** What happened to a path. */
    public enum Change {
        /** It did not exist before. */
        CREATED,
        /** It existed and is different now. */
        CHANGED,
        /** It was removed. */
        DELETED
    }

    private final TargetRoot delegate;
    private final Map<String, Change> changes = new LinkedHashMap<>();

    public TrackingTarget(TargetRoot delegate) {
        this.delegate = delegate;
    }

    /** The wrapped target. */
    public TargetRoot delegate() {
        return delegate;
    }

    /** Changed paths in the order first changed. */
    public synchronized Map<String, Change> changes() {
        return new LinkedHashMap<>(changes);
    }

    /**
     * Records a change made outside this wrapper (the log file, written by the logging bundle):
     * {@code existedBefore} tells whether the path existed before the change.
     */
    public void note(String path, boolean existedBefore) {
        record(path, existedBefore ? Change.CHANGED : Change.CREATED);
    }

    private synchronized void record(String path, Change c) {
        Change old = changes.get(path);
        if (old == null) {
            changes.put(path, c);
        } else if (old == Change.CREATED && c == Change.DELETED) {
            changes.remove(path);
        } else if (old == Change.DELETED && c != Change.DELETED) {
            changes.put(path, Change.CHANGED);
        }
    }

    @Override
    public Path root() {
        return delegate.root();
    }

    @Override
    public Path resolve(String path) throws PathEscapeException {
        return delegate.resolve(path);
    }

    @Override
    public boolean exists(String path) {
        return delegate.exists(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return delegate.isDirectory(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
        return delegate.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileAttributes attrs) throws IOException {
        boolean existed = delegate.exists(path) && !delegate.isDirectory(path);
        boolean same = false;
        if (existed) {
            try {
                same = Arrays.equals(delegate.read(path), content)
                        && (attrs == null || delegate.mode(path) == attrs.mode());
            } catch (IOException e) {
                same = false;
            }
        }
        List<String> parents = missingParents(path);
        delegate.write(path, content, attrs);
        parents.forEach(d -> record(d, Change.CREATED));
        if (!same) {
            record(path, existed ? Change.CHANGED : Change.CREATED);
        }
    }

    @Override
    public void append(String path, byte[] content, FileAttributes attrs) throws IOException {
        boolean existed = delegate.exists(path);
        List<String> parents = missingParents(path);
        delegate.append(path, content, attrs);
        parents.forEach(d -> record(d, Change.CREATED));
        if (content.length > 0 || !existed) {
            record(path, existed ? Change.CHANGED : Change.CREATED);
        }
    }

    @Override
    public void mkdirs(String path, int mode) throws IOException {
        List<String> missing = missing(path);
        delegate.mkdirs(path, mode);
        for (String m : missing) {
            record(m, Change.CREATED);
        }
    }

    /** The path and its ancestors that do not exist, outermost first. */
    private List<String> missing(String path) {
        List<String> missing = new ArrayList<>();
        String p = path;
        while (p.length() > 1 && !delegate.exists(p)) {
            missing.add(0, p);
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "/" : p.substring(0, slash);
        }
        return missing;
    }

    private List<String> missingParents(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? List.of() : missing(path.substring(0, slash));
    }

    @Override
    public boolean delete(String path) throws IOException {
        boolean deleted = delegate.delete(path);
        if (deleted) {
            record(path, Change.DELETED);
        }
        return deleted;
    }

    @Override
    public void deleteTree(String path) throws IOException {
        boolean existed = delegate.exists(path);
        delegate.deleteTree(path);
        if (existed) {
            record(path, Change.DELETED);
        }
    }

    @Override
    public void symlink(String path, String target) throws IOException {
        boolean existed = linkExists(path);
        List<String> parents = missingParents(path);
        delegate.symlink(path, target);
        parents.forEach(d -> record(d, Change.CREATED));
        record(path, existed ? Change.CHANGED : Change.CREATED);
    }

    private boolean linkExists(String path) {
        try {
            return java.nio.file.Files.exists(delegate.root().resolve(path.substring(1)),
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (RuntimeException e) {
            return delegate.exists(path);
        }
    }

    @Override
    public List<String> list(String dir) throws IOException {
        return delegate.list(dir);
    }

    @Override
    public void chmod(String path, int mode) throws IOException {
        int old = delegate.mode(path);
        delegate.chmod(path, mode);
        if (old != mode) {
            record(path, Change.CHANGED);
        }
    }

    @Override
    public void chown(String path, String owner, String group) throws IOException {
        delegate.chown(path, owner, group);
    }

    @Override
    public int mode(String path) throws IOException {
        return delegate.mode(path);
    }

    @Override
    public String toString() {
        return "TrackingTarget[" + delegate + "]";
    }
}
