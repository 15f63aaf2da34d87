package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.target.TargetRoot;

/**
 * The files of one NoCloud seed read from a directory of the target: {@code meta-data} and
 * {@code user-data} are required, {@code vendor-data} and {@code network-config} optional.
 *
 * @param dir     the target directory read
 * @param shownAs how errors name the seed ({@code /dev/sr0} for a mounted volume), or null to
 *                name files by their path
 * @param files   file name to content, for the files present
 * @param missing required files that were absent
 */
record SeedFiles(String dir, String shownAs, Map<String, byte[]> files, List<String> missing) {
    /** Required seed files. */
    static final List<String> REQUIRED = List.of("meta-data", "user-data");
    /** Optional seed files. */
    static final List<String> OPTIONAL = List.of("vendor-data", "network-config");

    /** Whether every required file is present. */
    boolean complete() {
        return missing.isEmpty();
    }

    /** The target path of a file of this seed. */
    String path(String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    /** How errors name a file of this seed. */
    String shown(String name) {
        return shownAs == null ? path(name) : name + " on " + shownAs;
    }

    /**
     * Reads the seed files in {@code dir}; absent files are left out, oversized ones and ones that
     * cannot be read are errors naming the file.
     */
    static SeedFiles read(TargetRoot target, String dir) throws DatasourceException {
        return read(target, dir, null);
    }

    /** Reads the seed files in {@code dir}, naming them after {@code shownAs} in errors. */
    static SeedFiles read(TargetRoot target, String dir, String shownAs) throws DatasourceException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        SeedFiles seed = new SeedFiles(dir, shownAs, files, missing);
        for (String name : REQUIRED) {
            byte[] b = readFile(target, seed.path(name), seed.shown(name));
            if (b == null) {
                missing.add(name);
            } else {
                files.put(name, b);
            }
        }
        for (String name : OPTIONAL) {
            byte[] b = readFile(target, seed.path(name), seed.shown(name));
            if (b != null) {
                files.put(name, b);
            }
        }
        return seed;
    }

    /** A file's bytes, or null if it does not exist; bounded by {@link Limits#MAX_SEED_BYTES}. */
    static byte[] readFile(TargetRoot target, String path) throws DatasourceException {
        return readFile(target, path, path);
    }

    /** Like {@link #readFile(TargetRoot, String)}, naming the file {@code shown} in errors. */
    static byte[] readFile(TargetRoot target, String path, String shown) throws DatasourceException {
        try {
            if (!target.exists(path)) {
                return null;
            }
            if (target.isDirectory(path)) {
                throw new DatasourceException(shown + ": is a directory, expected a file");
            }
            Path host = target.resolve(path);
            if (!Files.isRegularFile(host)) {
                throw new DatasourceException(shown + ": not a regular file");
            }
            if (Files.size(host) > Limits.MAX_SEED_BYTES) {
                throw new DatasourceException(shown + ": larger than " + Limits.max() + " ("
                        + Files.size(host) + " bytes)");
            }
            byte[] b = target.read(path);
            if (b.length > Limits.MAX_SEED_BYTES) {
                throw new DatasourceException(shown + ": larger than " + Limits.max());
            }
            return b;
        } catch (IOException e) {
            throw new DatasourceException(shown + ": cannot read: " + e.getMessage(), e);
        }
    }
}
