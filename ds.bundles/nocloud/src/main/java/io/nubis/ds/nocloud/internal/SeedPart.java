package io.nubis.ds.nocloud.internal;

import java.util.Map;

import io.nubis.api.datasource.DatasourceException;

/**
 * What one source contributed, parsed; null fields were not provided by it.
 *
 * @param origin        how the source appears in the subplatform ({@code cmdline}, a seed
 *                      directory, a device, {@code ds_config}, a seedfrom URL)
 * @param metaData      meta-data mapping
 * @param userData      raw user-data
 * @param vendorData    raw vendor-data
 * @param networkConfig parsed network-config
 */
record SeedPart(String origin, Map<String, Object> metaData, byte[] userData, byte[] vendorData,
        Map<String, Object> networkConfig) {

    /** Meta-data only (kernel command line, DMI serial). */
    static SeedPart metaOnly(String origin, Map<String, Object> md) {
        return new SeedPart(origin, md, null, null, null);
    }

    /** Parses the files of a seed, naming them as the seed shows them in errors. */
    static SeedPart of(String origin, SeedFiles seed) throws DatasourceException {
        Map<String, byte[]> f = seed.files();
        Map<String, Object> md = f.containsKey("meta-data")
                ? SeedYaml.mapping(f.get("meta-data"), seed.shown("meta-data")) : null;
        Map<String, Object> net = f.containsKey("network-config")
                ? SeedYaml.optionalMapping(f.get("network-config"), seed.shown("network-config")) : null;
        return new SeedPart(origin, md, f.get("user-data"), f.get("vendor-data"), net);
    }
}
