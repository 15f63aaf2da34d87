package io.nubis.runtime.internal.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines user-data (or vendor-data) cloud-config parts in document order, as cloud-init's
 * cloud-config part handler does: the buffer starts empty and each part is merged into it with
 * the mergers named in its {@code merge_how}/{@code merge_type} key followed by those of its
 * {@code Merge-Type} header (for each merger the first one named counts); a part naming none uses
 * {@code dict(replace)+list()+str()}, so later parts replace top-level keys wholesale. Not
 * thread-safe.
 */
public final class PartMerger {
    private Map<String, Object> buffer = new LinkedHashMap<>();
    private final Provenance provenance = new Provenance();
    private final List<String> labels = new ArrayList<>();

    /**
     * Merges one part. On a bad merge spec nothing changes and the exception names the part.
     *
     * @param part the part's mapping, label and header; its data must be a mapping
     * @return the spec that was applied
     */
    public MergeSpec add(ConfigSource part) {
        MergeSpec.Extracted doc = MergeSpec.extract(part.data(), part.label());
        List<MergeSpec.Entry> entries = new ArrayList<>(doc.entries());
        entries.addAll(MergeSpec.headerEntries(part.mergeTypeHeader(), part.label()));
        MergeSpec spec = MergeSpec.resolve(entries, MergeSpec.PART_DEFAULT, part.label());
        buffer = ConfigMerge.mergeInto(buffer, provenance, part, doc.document(), spec);
        labels.add(part.label());
        return spec;
    }

    /**
     * Merges one part given as parsed YAML of any type, as a user-data handler has it.
     *
     * @throws MergeException if the part is not a mapping (null counts as empty) or its spec is bad
     */
    @SuppressWarnings("unchecked")
    public MergeSpec add(String label, Object parsed, String mergeTypeHeader) {
        if (parsed != null && !(parsed instanceof Map)) {
            throw new MergeException(label, "a cloud-config part must be a mapping, got " + MergeSpec.typeName(parsed));
        }
        Map<String, Object> data = parsed == null ? new LinkedHashMap<>() : (Map<String, Object>) parsed;
        return add(ConfigSource.part(label, data, mergeTypeHeader));
    }

    /** Labels of the parts merged so far, in order (for the {@code # from N files} header). */
    public List<String> labels() {
        return List.copyOf(labels);
    }

    /** The parts merged so far. */
    public MergedConfig result() {
        return new MergedConfig(buffer, provenance);
    }
}
