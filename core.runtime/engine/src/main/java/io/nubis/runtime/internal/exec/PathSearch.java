package io.nubis.runtime.internal.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.nubis.api.target.PathEscapeException;
import io.nubis.api.target.TargetRoot;

/** Finds programs on the commands' PATH, looking inside the target, not on the host. */
public final class PathSearch {
    /** The PATH every command runs with. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** {@link #DEFAULT_PATH} as a list. */
    public static final List<String> DIRS = List.of(DEFAULT_PATH.split(":"));

    private PathSearch() {
    }

    /**
     * The target path of an executable regular file named {@code program} in the first PATH
     * directory that has one; a program given with a slash must be an absolute target path.
     */
    public static Optional<String> which(TargetRoot target, String program) {
        if (program == null || program.isEmpty() || program.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        if (program.indexOf('/') >= 0) {
            return program.charAt(0) == '/' && executable(target, program) ? Optional.of(program) : Optional.empty();
        }
        for (String dir : DIRS) {
            String candidate = dir + "/" + program;
            if (executable(target, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean executable(TargetRoot target, String path) {
        try {
            Path p = target.resolve(path);
            return Files.isRegularFile(p) && Files.isExecutable(p);
        } catch (PathEscapeException e) {
            return false;
        }
    }
}
