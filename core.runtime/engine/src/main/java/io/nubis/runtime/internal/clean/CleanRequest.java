package io.nubis.runtime.internal.clean;

import java.util.Set;

/**
 * The options of {@code clean}.
 *
 * @param logs      remove the log files named by the config
 * @param seed      also remove {@code /var/lib/cloud/seed}
 * @param machineId reset {@code /etc/machine-id}
 * @param reboot    reboot when the cleaning succeeded
 * @param configs   generated config types to remove: {@code all}, {@code ssh_config},
 *                  {@code network}, {@code datasource}, {@code fstab}
 */
public record CleanRequest(boolean logs, boolean seed, boolean machineId, boolean reboot, Set<String> configs) {
    /** The accepted config types. */
    public static final Set<String> CONFIG_TYPES = Set.of("all", "ssh_config", "network", "datasource", "fstab");

    public CleanRequest {
        configs = Set.copyOf(configs);
    }

    /** True if the config type is asked for, directly or through {@code all}. */
    public boolean config(String type) {
        return configs.contains(type) || configs.contains("all");
    }
}
