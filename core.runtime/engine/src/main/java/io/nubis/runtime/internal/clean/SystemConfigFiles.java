package io.nubis.runtime.internal.clean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.merge.ConfigMerge;
import io.nubis.runtime.internal.merge.ConfigSource;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlException;

/**
 * The system config as {@code clean} needs it: {@code /etc/cloud/cloud.cfg} with the
 * {@code cloud.cfg.d/*.cfg} files merged over it in name order. A file that cannot be read or
 * parsed is skipped with a warning naming it.
 */
public final class SystemConfigFiles {
    static final String CLOUD_CFG = "/etc/cloud/cloud.cfg";
    static final String CLOUD_CFG_D = "/etc/cloud/cloud.cfg.d";
    private static final Logger LOG = LoggerFactory.getLogger(SystemConfigFiles.class);

    private SystemConfigFiles() {
    }

    /** Reads and merges the system config of the target. */
    public static Map<String, Object> read(TargetRoot target) {
        List<String> files = new ArrayList<>();
        files.add(CLOUD_CFG);
        try {
            for (String name : target.list(CLOUD_CFG_D)) {
                if (name.endsWith(".cfg")) {
                    files.add(CLOUD_CFG_D + "/" + name);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", CLOUD_CFG_D, e.getMessage());
        }
        List<ConfigSource> byPriority = new ArrayList<>();
        for (String f : files) {
            if (!target.exists(f)) {
                continue;
            }
            try {
                String text = new String(target.read(f), StandardCharsets.UTF_8);
                byPriority.add(0, ConfigSource.of(f, Yaml.loadMapping(text, f)));
            } catch (IOException | YamlException e) {
                LOG.warn("Skipping config file {}: {}", f, e.getMessage());
            }
        }
        return ConfigMerge.mergeMany(byPriority, e -> LOG.warn("Skipping config: {}", e.getMessage())).asMap();
    }
}
