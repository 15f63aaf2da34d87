package io.nubis.ds.none.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Stage;
import io.nubis.api.target.TargetRoot;

class NoneDatasourceTest {
    /** A context that only offers config: None must not touch anything else. */
    private static DatasourceContext ctx(Map<String, Object> config) {
        return new DatasourceContext() {
            @Override
            public Stage stage() {
                return Stage.NETWORK;
            }

            @Override
            public TargetRoot target() {
                throw new AssertionError("None must not read the target");
            }

            @Override
            public CommandRunner runner() {
                throw new AssertionError("None must not run commands");
            }

            @Override
            public Map<String, Object> config() {
                return config;
            }

            @Override
            public List<String> kernelCmdline() {
                return List.of();
            }

            @Override
            public List<String> devicesWithLabel(String... labels) {
                throw new AssertionError("None must not look for devices");
            }

            @Override
            public Optional<byte[]> fetch(URI url, Duration timeout, int retries) {
                throw new AssertionError("None must not fetch");
            }

            @Override
            public Logger log() {
                return LoggerFactory.getLogger("none-test");
            }
        };
    }

    @Test
    void emptyConfigGivesTheFixedInstance() throws Exception {
        CrawledData d = new NoneDatasource().crawl(ctx(Map.of())).orElseThrow();
        assertEquals("None", d.dsName());
        assertEquals("config", d.subplatform());
        assertEquals("iid-datasource-none", d.instanceId());
        assertEquals(Map.of("instance-id", "iid-datasource-none"), d.metadata());
        assertEquals(0, d.userData().length);
        assertNull(d.vendorData());
        assertNull(d.networkConfig());
        assertEquals("net", d.dsmode());
    }

    @Test
    void nullConfigIsEmpty() throws Exception {
        assertEquals("iid-datasource-none", new NoneDatasource().crawl(ctx(null)).orElseThrow().instanceId());
    }

    @Test
    void metadataAndUserDataFromConfig() throws Exception {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("metadata", Map.of("local-hostname", "fallback", "instance-id", "ignored"));
        cfg.put("userdata_raw", "#cloud-config\nruncmd: [echo hi]\n");
        CrawledData d = new NoneDatasource().crawl(ctx(cfg)).orElseThrow();
        assertEquals(Map.of("local-hostname", "fallback", "instance-id", "iid-datasource-none"), d.metadata());
        assertEquals("fallback", d.localHostname());
        assertEquals("#cloud-config\nruncmd: [echo hi]\n", new String(d.userData(), StandardCharsets.UTF_8));
    }

    @Test
    void wrongTypesNameTheKey() {
        assertEquals("datasource.None.metadata: expected a mapping, got a list",
                assertThrows(DatasourceException.class,
                        () -> new NoneDatasource().crawl(ctx(Map.of("metadata", List.of())))).getMessage());
        assertEquals("datasource.None.userdata_raw: expected a string, got a mapping",
                assertThrows(DatasourceException.class,
                        () -> new NoneDatasource().crawl(ctx(Map.of("userdata_raw", Map.of())))).getMessage());
    }

    @Test
    void componentIsAlwaysANetworkStageCandidate() throws Exception {
        String xml;
        try (InputStream in = NoneDatasource.class.getResourceAsStream(
                "/OSGI-INF/io.nubis.ds.none.internal.NoneDatasource.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("<property name=\"nubis.datasource\" type=\"String\" value=\"None\"/>"), xml);
        assertTrue(xml.contains("<property name=\"stage\" type=\"String\">network</property>"), xml);
        assertTrue(xml.contains("<property name=\"detect.always\" type=\"Boolean\" value=\"true\"/>"), xml);
        assertTrue(xml.contains("<provide interface=\"io.nubis.api.datasource.Datasource\"/>"), xml);
        assertTrue(!xml.contains("immediate=\"true\""), xml);
    }
}
