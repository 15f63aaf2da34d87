package io.nubis.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.config.CloudConfig;

/** A merged config that is just a map; every key comes from the {@code test config}. */
final class MapConfig implements CloudConfig {
    static final String SOURCE = "test config";

    private final Map<String, Object> map;

    MapConfig(Map<String, ?> map) {
        this.map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public Map<String, Object> asMap() {
        return map;
    }

    @Override
    public Optional<String> sourceOf(String key) {
        return map.containsKey(key) ? Optional.of(SOURCE) : Optional.empty();
    }
}
