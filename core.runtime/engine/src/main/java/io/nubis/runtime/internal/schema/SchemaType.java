package io.nubis.runtime.internal.schema;

/** The kinds of document the schema command validates. */
public enum SchemaType {
    /** {@code #cloud-config} user-data, vendor-data and system config. */
    CLOUD_CONFIG("cloud-config"),
    /** Network configuration version 1. */
    NETWORK_CONFIG("network-config");

    private final String id;

    SchemaType(String id) {
        this.id = id;
    }

    /** The name used on the command line and in messages. */
    public String id() {
        return id;
    }
}
