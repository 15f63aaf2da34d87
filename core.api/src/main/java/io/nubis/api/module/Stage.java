package io.nubis.api.module;

import java.util.Locale;

/** The four boot stages, in order. */
public enum Stage {
    /** {@code init --local}: before networking, local datasources only. */
    LOCAL("local", "init-local", "cloud_init_modules"),
    /** {@code init}: network datasources, user-data processing, then {@code cloud_init_modules}. */
    NETWORK("network", "init", "cloud_init_modules"),
    /** {@code modules --mode config}. */
    CONFIG("config", "modules-config", "cloud_config_modules"),
    /** {@code modules --mode final}. */
    FINAL("final", "modules-final", "cloud_final_modules");

    private final String id;
    private final String statusKey;
    private final String moduleListKey;

    Stage(String id, String statusKey, String moduleListKey) {
        this.id = id;
        this.statusKey = statusKey;
        this.moduleListKey = moduleListKey;
    }

    /** Attribute value used in capabilities and service properties. */
    public String id() {
        return id;
    }

    /** Key of this stage in {@code status.json} ({@code init-local}, {@code init}, ...). */
    public String statusKey() {
        return statusKey;
    }

    /** Key of the cloud.cfg module list that this stage runs. */
    public String moduleListKey() {
        return moduleListKey;
    }

    /** Parses an attribute value or a status key. */
    public static Stage of(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (Stage s : values()) {
            if (s.id.equals(v) || s.statusKey.equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + value + "'");
    }
}
