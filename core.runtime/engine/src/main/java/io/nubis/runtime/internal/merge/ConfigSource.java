package io.nubis.runtime.internal.merge;

import java.util.Map;
import java.util.Objects;

/**
 * One input to a merge: a cloud-config mapping, the label it is reported under (a file path or a
 * part label), optionally the provenance of its own keys (when it is itself the result of a merge)
 * and, for user-data parts, the {@code Merge-Type} header of its MIME part.
 *
 * @param label            file path or part label
 * @param data             the cloud-config mapping; it may hold {@code merge_how}/{@code merge_type}
 * @param provenance       where the data's keys came from, or null if all from {@code label}
 * @param mergeTypeHeader  value of the part's {@code Merge-Type} (else {@code X-Merge-Type}) header, or null
 */
public record ConfigSource(String label, Map<String, Object> data, Provenance provenance, String mergeTypeHeader) {
    /** Checks that label and data are present. */
    public ConfigSource {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(data, "data");
    }

    /** A source whose every key came from {@code label}. */
    public static ConfigSource of(String label, Map<String, Object> data) {
        return new ConfigSource(label, data, null, null);
    }

    /** A user-data part with its MIME {@code Merge-Type} header (may be null). */
    public static ConfigSource part(String label, Map<String, Object> data, String mergeTypeHeader) {
        return new ConfigSource(label, data, null, mergeTypeHeader);
    }
}
