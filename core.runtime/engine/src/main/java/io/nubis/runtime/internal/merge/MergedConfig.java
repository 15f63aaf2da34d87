package io.nubis.runtime.internal.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.config.CloudConfig;
import io.nubis.runtime.internal.pyjson.PyOrder;
import io.nubis.runtime.internal.yaml.Yaml;

/**
 * A merged cloud-config with the provenance of every mapping key, at any depth: which file or
 * user-data part set it. Immutable.
 */
public final class MergedConfig implements CloudConfig {
    /** Nothing merged yet. */
    public static final MergedConfig EMPTY = new MergedConfig(new LinkedHashMap<>(), new Provenance());

    private final Map<String, Object> data;
    private final Provenance provenance;

    MergedConfig(Map<String, Object> data, Provenance provenance) {
        this.data = frozen(data);
        this.provenance = provenance.copy();
    }

    /** A config taken whole from one source (its {@code merge_how} keys are left in). */
    public static MergedConfig of(String label, Map<String, Object> data) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) Merger.copy(data);
        return new MergedConfig(copy, Provenance.uniform(copy, label));
    }

    @Override
    public Map<String, Object> asMap() {
        return data;
    }

    /**
     * Where a top-level key was set: the source, or when several sources contributed to a nested
     * mapping or list, all of them in merge order separated by {@code ", "}.
     */
    @Override
    public Optional<String> sourceOf(String key) {
        if (!data.containsKey(key)) {
            return Optional.empty();
        }
        return join(sourcesOf(List.of(key)));
    }

    /** The sources of the value at a key path ({@code ntp.servers}); empty if absent or unknown. */
    public List<String> sourcesOf(String keyPath) {
        return sourcesOf(KeyPath.parse(keyPath));
    }

    /** The sources of the value at a path of keys; empty if absent or unknown. */
    public List<String> sourcesOf(List<String> keys) {
        if (!present(keys)) {
            return List.of();
        }
        Provenance p = provenance.get(keys);
        return p == null ? List.of() : p.sources();
    }

    /** The provenance tree (read-only use). */
    public Provenance provenance() {
        return provenance.copy();
    }

    /** This config as the input of a further merge, keeping its provenance. */
    public ConfigSource asSource(String label) {
        return new ConfigSource(label, data, provenance.copy(), null);
    }

    /** The merged cloud-config as YAML (block style, sorted keys). */
    public String toYaml() {
        return Yaml.dump(data);
    }

    /**
     * One line per key path, sorted, with the sources that set it, e.g.
     * <pre>
     * ntp          /etc/cloud/cloud.cfg.d/50-ntp.cfg, user-data part 2
     * ntp.enabled  /etc/cloud/cloud.cfg.d/50-ntp.cfg
     * ntp.servers  user-data part 2
     * </pre>
     * Paths of nested mappings are listed down to the leaves; lists are leaves.
     */
    public String explain() {
        List<String[]> rows = new ArrayList<>();
        collect(data, provenance, "", rows);
        int width = 0;
        for (String[] r : rows) {
            width = Math.max(width, r[0].length());
        }
        width = Math.min(width, 48);
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(r[0]);
            int pad = r[0].length() < width ? width - r[0].length() : 0;
            sb.append(" ".repeat(pad + 2)).append(r[1]).append('\n');
        }
        return sb.toString();
    }

    private static void collect(Map<?, ?> map, Provenance node, String prefix, List<String[]> rows) {
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        keys.sort(PyOrder.CODE_POINTS);
        for (String k : keys) {
            String path = KeyPath.child(prefix, k);
            Provenance p = node == null ? null : node.get(k);
            List<String> sources = p == null ? List.of() : p.sources();
            rows.add(new String[] {path, sources.isEmpty() ? "(unknown)" : String.join(", ", sources)});
            if (map.get(k) instanceof Map<?, ?> nested) {
                collect(nested, p, path, rows);
            }
        }
    }

    private boolean present(List<String> keys) {
        Object v = data;
        for (String k : keys) {
            if (!(v instanceof Map<?, ?> m) || !m.containsKey(k)) {
                return false;
            }
            v = m.get(k);
        }
        return true;
    }

    private static Optional<String> join(List<String> sources) {
        return sources.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", sources));
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> frozen(Map<String, Object> m) {
        return (Map<String, Object>) freeze(m);
    }

    private static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), freeze(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) {
                out.add(freeze(item));
            }
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    @Override
    public String toString() {
        return "MergedConfig" + data;
    }
}
