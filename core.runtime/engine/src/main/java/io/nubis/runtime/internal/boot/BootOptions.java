package io.nubis.runtime.internal.boot;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of one run, from the command line.
 *
 * @param root  target root
 * @param plan  record commands instead of running them (also implied by a non-/ root without uid 0)
 * @param debug console shows DEBUG records
 * @param files {@code -f/--file} config files, highest priority of all config
 * @param force {@code --force}: run even without a datasource
 */
public record BootOptions(Path root, boolean plan, boolean debug, List<String> files, boolean force) {
    /** Copies the file list. */
    public BootOptions {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
