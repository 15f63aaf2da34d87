package io.nubis.api.module;

import java.util.Locale;

/** How often a module runs, with the reference's semaphore names. */
public enum Frequency {
    /** Once for each instance-id; semaphore under {@code instances/<iid>/sem/}. */
    PER_INSTANCE(Frequency.PER_INSTANCE_ID),
    /** Once for each boot; semaphore under the ephemeral run directory. */
    PER_BOOT(Frequency.PER_BOOT_ID),
    /** Once for the life of the image; semaphore under {@code /var/lib/cloud/sem/}. */
    ONCE(Frequency.ONCE_ID),
    /** Every time the stage runs; no semaphore. */
    ALWAYS(Frequency.ALWAYS_ID);

    /** Attribute value of {@link #PER_INSTANCE}. */
    public static final String PER_INSTANCE_ID = "once-per-instance";
    /** Attribute value of {@link #PER_BOOT}. */
    public static final String PER_BOOT_ID = "per-boot";
    /** Attribute value of {@link #ONCE}. */
    public static final String ONCE_ID = "once";
    /** Attribute value of {@link #ALWAYS}. */
    public static final String ALWAYS_ID = "always";

    private final String id;

    Frequency(String id) {
        this.id = id;
    }

    /** Attribute value used in capabilities, service properties and semaphore file names. */
    public String id() {
        return id;
    }

    /**
     * Parses an attribute value or a CLI spelling ({@code instance}, {@code per-instance},
     * {@code boot}, {@code once}, {@code always}).
     */
    public static Frequency of(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case PER_INSTANCE_ID: case "instance": case "per-instance": case "per_instance":
                return PER_INSTANCE;
            case PER_BOOT_ID: case "boot": case "per_boot":
                return PER_BOOT;
            case ONCE_ID: case "per-once": case "per_once":
                return ONCE;
            case ALWAYS_ID: case "per-always": case "per_always":
                return ALWAYS;
            default:
                throw new IllegalArgumentException("unknown frequency '" + value
                        + "' (expected instance, boot, once or always)");
        }
    }
}
