package io.nubis.api.datasource;

import java.util.Optional;

/**
 * A source of instance metadata, user-data and vendor-data. Implementations are delayed DS
 * components annotated with {@link NubisDatasource}; the runtime matches the detection hints in
 * their service properties against the machine before it loads any datasource class, and
 * crawls only the datasources that match.
 */
public interface Datasource {
    /**
     * Reads everything the datasource offers.
     *
     * @return the data, or empty if the datasource is not present on this machine
     * @throws DatasourceException if it is present but its data is broken or unreachable
     */
    Optional<CrawledData> crawl(DatasourceContext ctx) throws DatasourceException;
}
