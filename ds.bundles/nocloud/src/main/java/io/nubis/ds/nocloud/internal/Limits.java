package io.nubis.ds.nocloud.internal;

/** Size bounds for seed files, whatever their origin. */
final class Limits {
    /** Largest meta-data, user-data, vendor-data or network-config accepted: 16 MiB. */
    static final int MAX_SEED_BYTES = 16 * 1024 * 1024;

    private Limits() {
    }

    /** Human-readable form of {@link #MAX_SEED_BYTES}. */
    static String max() {
        return (MAX_SEED_BYTES / (1024 * 1024)) + " MiB";
    }
}
