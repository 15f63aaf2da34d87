package io.nubis.runtime.internal.merge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * cloud-init's {@code util.mergemanydict}: sources are given highest priority first and merged in
 * that order into an empty mapping, each with its own {@code merge_how} (default
 * {@code list()+dict()+str()}, i.e. dict no_replace: the first source wins for scalars and
 * lists, nested mappings are merged key by key). Used for system config files and for combining
 * system config, datasource config, vendor-data and user-data.
 */
public final class ConfigMerge {
    private ConfigMerge() {
    }

    /**
     * Merges sources, highest priority first. Empty sources are skipped. A source with a bad merge
     * spec is reported to {@code problems} and left out; the others still merge.
     */
    public static MergedConfig mergeMany(List<ConfigSource> byPriority, Consumer<MergeException> problems) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Provenance provenance = new Provenance();
        for (ConfigSource source : byPriority) {
            if (source == null || source.data().isEmpty()) {
                continue;
            }
            MergeSpec spec;
            MergeSpec.Extracted doc;
            try {
                doc = MergeSpec.extract(source.data(), source.label());
                spec = MergeSpec.resolve(doc.entries(), MergeSpec.CONFIG_DEFAULT, source.label());
            } catch (MergeException e) {
                problems.accept(e);
                continue;
            }
            merged = mergeInto(merged, provenance, source, doc.document(), spec);
        }
        return new MergedConfig(merged, provenance);
    }

    /** {@link #mergeMany(List, Consumer)} that fails on the first bad source. */
    public static MergedConfig mergeMany(List<ConfigSource> byPriority) {
        return mergeMany(byPriority, e -> {
            throw e;
        });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeInto(Map<String, Object> merged, Provenance provenance, ConfigSource source,
            Map<String, Object> document, MergeSpec spec) {
        Track root = new Track(null, provenance, source.provenance(), List.of(source.label()));
        return (Map<String, Object>) new Merger(spec).merge(merged, document, root);
    }
}
