package io.nubis.runtime.internal.schema;

import java.util.List;

/**
 * A module's contribution to the cloud-config schema: JSON Schema (draft 2020-12) text whose
 * {@code properties} are the top-level keys the module reads, with any {@code $defs} they refer
 * to ({@code #/$defs/NAME}) and optionally top-level {@code allOf} constraints. When a module
 * ships no fragment, or a broken one, its declared {@code keys} are accepted without checks, so
 * a missing schema never rejects a valid config.
 *
 * @param source   where it comes from, for messages ({@code io.nubis.cc.runcmd!/schema/runcmd.json})
 * @param json     the fragment text, or null if there is none
 * @param keys     the module's declared top-level keys
 * @param problem  why the fragment could not be read, or null
 */
public record SchemaFragment(String source, String json, List<String> keys, String problem) {
    public SchemaFragment {
        keys = List.copyOf(keys);
    }

    /** A fragment from its text. */
    public static SchemaFragment of(String source, String json) {
        return new SchemaFragment(source, json, List.of(), null);
    }
}
