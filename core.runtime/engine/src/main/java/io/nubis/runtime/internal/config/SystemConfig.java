package io.nubis.runtime.internal.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.runtime.internal.merge.MergedConfig;

/**
 * The system config as the engine starts from: built-in distro defaults, {@code cloud.cfg},
 * {@code cloud.cfg.d/*.cfg}, the runtime {@code cloud.cfg} and the kernel command line, merged
 * with provenance; plus what else the command line says and every problem found on the way.
 *
 * @param config        the merged config
 * @param findings      problems with inputs that were skipped or partly ignored
 * @param sources       labels of the inputs that were merged, highest priority first
 * @param cmdline       the kernel command line
 * @param networkConfig the decoded {@code network-config=} mapping ({@code {config: disabled}} for
 *                      {@code network-config=disabled}), if given and valid
 */
public record SystemConfig(MergedConfig config, List<Finding> findings, List<String> sources, KernelCmdline cmdline,
        Optional<Map<String, Object>> networkConfig) {
    /** Copies the lists. */
    public SystemConfig {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
    }

    /** The datasource named by {@code ds=} on the command line, if any. */
    public Optional<DatasourceArg> datasource() {
        return cmdline.datasource();
    }
}
