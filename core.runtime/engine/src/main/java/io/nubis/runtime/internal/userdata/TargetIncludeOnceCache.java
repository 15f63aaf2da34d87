package io.nubis.runtime.internal.userdata;

import java.io.IOException;
import java.util.Optional;

import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/** {@link IncludeOnceCache} in a directory of the target, one 0600 file per URL, written atomically. */
public final class TargetIncludeOnceCache implements IncludeOnceCache {
    /** The reference's location. */
    public static final String DEFAULT_DIR = "/var/lib/cloud/instance/data/urlcache";

    private final TargetRoot target;
    private final String dir;

    /**
     * @param target the target root
     * @param dir    absolute directory inside the target ({@link #DEFAULT_DIR})
     */
    public TargetIncludeOnceCache(TargetRoot target, String dir) {
        this.target = target;
        this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }

    @Override
    public Optional<byte[]> get(String url) throws IOException {
        String path = path(url);
        if (!target.exists(path) || target.isDirectory(path)) {
            return Optional.empty();
        }
        return Optional.of(target.read(path));
    }

    @Override
    public void put(String url, byte[] content) throws IOException {
        target.write(path(url), content, FileAttributes.PRIVATE);
    }

    /** The file a URL is cached in. */
    public String path(String url) {
        return dir + "/" + IncludeOnceCache.fileName(url);
    }
}
