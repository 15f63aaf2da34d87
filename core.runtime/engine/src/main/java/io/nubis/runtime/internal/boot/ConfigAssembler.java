package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.merge.ConfigMerge;
import io.nubis.runtime.internal.merge.ConfigSource;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.yaml.Yaml;
import io.nubis.runtime.internal.yaml.YamlException;

/**
 * The config modules see, merged with the reference's precedence (its {@code ConfigMerger};
 * highest first, {@code mergemanydict} semantics, each key's provenance kept):
 * <ol>
 * <li>{@code -f/--file} files, in the order given (read from the host: they are operator input);</li>
 * <li>the file named by {@code $CLOUD_CFG};</li>
 * <li>user cloud-config ({@code cloud-config.txt}, or the parts just merged in this process);</li>
 * <li>{@code vendor2-cloud-config.txt}, then {@code vendor-cloud-config.txt};</li>
 * <li>the system config (kernel {@code cc:}, runtime cfg, cloud.cfg.d, cloud.cfg, distro defaults).</li>
 * </ol>
 * Datasource-provided config ({@code ds.get_config_obj()}) has no place in the datasource API yet.
 * A file that cannot be read or parsed is logged and left out.
 */
public final class ConfigAssembler {
    private static final Logger LOG = LoggerFactory.getLogger("helpers");

    private ConfigAssembler() {
    }

    /**
     * Cloud-config merged from user-data and vendor-data by this process, with part provenance;
     * any may be null (then the instance file is read).
     *
     * @param user    user cloud-config
     * @param vendor  vendor cloud-config
     * @param vendor2 vendor2 cloud-config
     */
    public record InstanceConfigs(MergedConfig user, MergedConfig vendor, MergedConfig vendor2) {
        /** Nothing merged in this process. */
        public static final InstanceConfigs NONE = new InstanceConfigs(null, null, null);
    }

    /**
     * Merges everything for a stage.
     *
     * @param inst the instance, or null when there is none (then only the configs in {@code mem} are used)
     */
    public static MergedConfig merge(BootSession s, SystemConfig sc, CloudPaths.Instance inst, InstanceConfigs mem) {
        List<ConfigSource> sources = new ArrayList<>();
        for (String f : s.options().files()) {
            hostFile(f).ifPresent(sources::add);
        }
        String env = System.getenv("CLOUD_CFG");
        if (env != null && !env.isBlank()) {
            hostFile(env).ifPresent(sources::add);
        }
        if (inst != null) {
            instanceConfig(s.target(), mem.user(), inst.cloudConfig()).ifPresent(sources::add);
            instanceConfig(s.target(), mem.vendor2(), inst.vendor2CloudConfig()).ifPresent(sources::add);
            instanceConfig(s.target(), mem.vendor(), inst.vendorCloudConfig()).ifPresent(sources::add);
        } else {
            // no instance yet (merge of a given user-data file): only what this process merged
            for (MergedConfig m : new MergedConfig[] {mem.user(), mem.vendor2(), mem.vendor()}) {
                if (m != null) {
                    sources.add(m.asSource("user-data"));
                }
            }
        }
        sources.add(sc.config().asSource("system config"));
        return ConfigMerge.mergeMany(sources, e -> LOG.warn("{}; left out of the merged config", e.getMessage()));
    }

    private static Optional<ConfigSource> instanceConfig(TargetRoot target, MergedConfig mem, String path) {
        if (mem != null) {
            return Optional.of(mem.asSource(path));
        }
        try {
            Optional<String> text = target.readString(path);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ConfigSource.of(path, Yaml.loadMapping(text.get(), path)));
        } catch (IOException | YamlException e) {
            LOG.warn("Failed loading of cloud-config from {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<ConfigSource> hostFile(String file) {
        try {
            String text = new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
            Map<String, Object> data = Yaml.loadMapping(text, file);
            return Optional.of(ConfigSource.of(file, data));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Failed loading of configuration from {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
