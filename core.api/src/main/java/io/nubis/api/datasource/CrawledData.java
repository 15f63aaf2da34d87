package io.nubis.api.datasource;

import java.util.Map;

/**
 * What a datasource read.
 *
 * @param dsName        datasource name ({@code NoCloud})
 * @param subplatform   where exactly it came from ({@code seed-dir (/var/lib/cloud/seed/nocloud)})
 * @param metadata      meta-data as parsed YAML or JSON; must hold {@code instance-id}
 * @param userData      raw user-data bytes, or null
 * @param vendorData    raw vendor-data bytes, or null
 * @param vendorData2   raw vendor-data2 bytes, or null
 * @param networkConfig network-config as parsed YAML, or null
 * @param dsmode        {@code local} or {@code net}: the stage after which the data is final
 */
public record CrawledData(String dsName, String subplatform, Map<String, Object> metadata,
        byte[] userData, byte[] vendorData, byte[] vendorData2, Map<String, Object> networkConfig,
        String dsmode) {

    /** The instance id from metadata, or null. */
    public String instanceId() {
        Object v = metadata == null ? null : metadata.get("instance-id");
        return v == null ? null : String.valueOf(v);
    }

    /** The local hostname from metadata, or null. */
    public String localHostname() {
        Object v = metadata == null ? null : metadata.get("local-hostname");
        return v == null ? null : String.valueOf(v);
    }
}
