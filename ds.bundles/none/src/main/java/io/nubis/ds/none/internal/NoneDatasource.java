package io.nubis.ds.none.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.Datasource;
import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.datasource.NubisDatasource;

/**
 * The fallback datasource: always present, it serves whatever {@code datasource.None} in system
 * config holds ({@code metadata}, {@code userdata_raw}) under the fixed instance id
 * {@code iid-datasource-none}. Like the reference it is searched in the network stage only, so
 * that it never hides a network datasource from the local stage.
 */
@Component(service = Datasource.class)
@NubisDatasource(nubis_datasource = NoneDatasource.NAME, stage = {"network"}, detect_always = true)
public final class NoneDatasource implements Datasource {
    /** Name in {@code datasource_list}. */
    static final String NAME = "None";
    /** The instance id the reference reports for this datasource, whatever the metadata says. */
    static final String INSTANCE_ID = "iid-datasource-none";

    /** Stateless. */
    @Activate
    public NoneDatasource() {
    }

    @Override
    public Optional<CrawledData> crawl(DatasourceContext ctx) throws DatasourceException {
        Map<String, Object> cfg = ctx.config() == null ? Map.of() : ctx.config();
        Map<String, Object> metadata = new LinkedHashMap<>(metadata(cfg.get("metadata")));
        metadata.put("instance-id", INSTANCE_ID);
        byte[] userData = userData(cfg.get("userdata_raw"));
        return Optional.of(new CrawledData(NAME, "config", metadata, userData, null, null, null, "net"));
    }

    private static Map<String, Object> metadata(Object v) throws DatasourceException {
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new DatasourceException("datasource.None.metadata: expected a mapping, got "
                    + Values.typeName(v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static byte[] userData(Object v) throws DatasourceException {
        if (v == null) {
            return new byte[0];
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw new DatasourceException("datasource.None.userdata_raw: expected a string, got " + Values.typeName(v));
    }
}
