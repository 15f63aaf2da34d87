package io.nubis.runtime.internal.userdata;

/** Which blob is processed; the label names it in findings and part labels. */
public enum UserDataKind {
    /** The instance's user-data. */
    USER_DATA("user-data", null),
    /** Vendor-data, governed by the {@code vendor_data} config key. */
    VENDOR_DATA("vendor-data", "vendor_data"),
    /** The second vendor-data blob, governed by the {@code vendor_data2} config key. */
    VENDOR_DATA2("vendor-data2", "vendor_data2");

    private final String label;
    private final String configKey;

    UserDataKind(String label, String configKey) {
        this.label = label;
        this.configKey = configKey;
    }

    /** {@code user-data}, {@code vendor-data} or {@code vendor-data2}. */
    public String label() {
        return label;
    }

    /** The config key holding the vendor rules ({@code vendor_data}), null for user-data. */
    public String configKey() {
        return configKey;
    }

    /** The kind for a label. */
    public static UserDataKind ofLabel(String label) {
        for (UserDataKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown user-data source '" + label
                + "' (expected user-data, vendor-data or vendor-data2)");
    }
}
