package io.nubis.api.net;

/** The kind of a network interface, as network-config version 1 names it. */
public enum InterfaceType {
    PHYSICAL("physical"),
    BOND("bond"),
    BRIDGE("bridge"),
    VLAN("vlan"),
    INFINIBAND("infiniband"),
    LOOPBACK("loopback");

    private final String id;

    InterfaceType(String id) {
        this.id = id;
    }

    /** The version 1 {@code type} value. */
    public String id() {
        return id;
    }

    /** The type whose {@link #id()} is {@code id}, or null. */
    public static InterfaceType of(String id) {
        for (InterfaceType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        return null;
    }
}
