package io.nubis.cc.hostname.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Test configs carrying the real {@code system_info} of a distro profile's defaults.cfg. */
final class Distros {
    private Distros() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String yaml) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return doc == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) doc);
    }

    /** {@code yaml} plus the {@code system_info} of {@code distro.<name>}'s defaults.cfg. */
    static Map<String, Object> config(String distro, String yaml) {
        Path p = Path.of("..", "..", "distro." + distro, "src", "main", "resources", "io", "nubis", "distro", distro,
                "internal", "defaults.cfg");
        try {
            Map<String, Object> defaults = load(Files.readString(p));
            Map<String, Object> cfg = load(yaml);
            cfg.putIfAbsent("system_info", defaults.get("system_info"));
            return cfg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instance data whose datasource metadata has this local-hostname. */
    static Map<String, Object> metadata(String localHostname) {
        return Map.of("ds", Map.of("meta_data", Map.of("local-hostname", localHostname, "instance-id", "i-1")),
                "v1", Map.of("local_hostname", localHostname.split("\\.")[0]));
    }
}
