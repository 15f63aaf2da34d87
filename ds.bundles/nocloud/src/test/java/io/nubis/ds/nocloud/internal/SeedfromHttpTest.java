package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.module.Stage;
import io.nubis.testkit.TempTarget;

/** seedfrom over HTTP against a server on 127.0.0.1: stages, merging, errors, timeouts, retries. */
class SeedfromHttpTest {
    @TempDir
    Path tmp;
    TempTarget target;
    FakeContext ctx;
    SeedServer server;
    final NoCloudDatasource ds = new NoCloudDatasource(() -> true);

    @BeforeEach
    void setUp() throws Exception {
        target = TempTarget.in(tmp);
        ctx = new FakeContext(target);
        ctx.stage = Stage.NETWORK;
        server = new SeedServer();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private CrawledData crawl() throws DatasourceException {
        return ds.crawl(ctx).orElseThrow(() -> new AssertionError("not found"));
    }

    private void serveSeed(String base) {
        server.serve(base + "meta-data", "instance-id: iid-http\nlocal-hostname: webhost\nzone: z9\n")
                .serve(base + "user-data", "#cloud-config\nruncmd: [ls]\n")
                .serve(base + "network-config", "version: 2\nethernets: {}\n");
    }

    @Test
    void networkSeedWaitsForTheNetworkStage() throws Exception {
        serveSeed("/seed/");
        ctx.stage = Stage.LOCAL;
        ctx.cmdline = List.of("ds=nocloud;s=" + server.url("/seed/"));
        assertTrue(ds.crawl(ctx).isEmpty());
        assertTrue(server.requests.isEmpty());
        assertTrue(ctx.fetched.isEmpty());
    }

    @Test
    void cmdlineSeedfromIsFetchedAndCmdlineValuesWin() throws Exception {
        serveSeed("/seed/");
        String base = server.url("/seed/");
        ctx.cmdline = List.of("ds=nocloud;s=" + base + ";h=cmdhost");
        CrawledData d = crawl();
        assertEquals("seed-dir (cmdline," + base + ")", d.subplatform());
        assertEquals(Map.of("seedfrom", base, "local-hostname", "cmdhost", "dsmode", "net",
                "instance-id", "iid-http", "zone", "z9"), d.metadata());
        assertEquals("#cloud-config\nruncmd: [ls]\n", new String(d.userData(), StandardCharsets.UTF_8));
        assertNull(d.vendorData());
        assertEquals(Map.of("version", 2, "ethernets", Map.of()), d.networkConfig());
        assertEquals("net", d.dsmode());
        assertEquals(List.of("/seed/meta-data", "/seed/user-data", "/seed/vendor-data", "/seed/network-config"),
                server.requests);
        assertEquals(List.of(URI.create(base + "meta-data"), URI.create(base + "user-data"),
                URI.create(base + "vendor-data"), URI.create(base + "network-config")), ctx.fetched);
    }

    @Test
    void seedDirSeedfromKeepsItsVendorDataWhenTheServerHasNone() throws Exception {
        serveSeed("/s/");
        target.file("/var/lib/cloud/seed/nocloud-net/meta-data", "seedfrom: " + server.url("/s/") + "\n");
        target.file("/var/lib/cloud/seed/nocloud-net/user-data", "local ud");
        target.file("/var/lib/cloud/seed/nocloud-net/vendor-data", "local vd");
        CrawledData d = crawl();
        assertEquals("seed-dir (/var/lib/cloud/seed/nocloud-net," + server.url("/s/") + ")", d.subplatform());
        assertEquals("#cloud-config\nruncmd: [ls]\n", new String(d.userData(), StandardCharsets.UTF_8));
        assertEquals("local vd", new String(d.vendorData(), StandardCharsets.UTF_8));
    }

    @Test
    void dmiVariablesAreSubstituted() throws Exception {
        serveSeed("/by-serial/ABC123/");
        target.file("/sys/class/dmi/id/chassis_serial", "ABC123\n");
        ctx.config.put("seedfrom", server.url("/by-serial/__dmi.chassis-serial-number__/"));
        CrawledData d = crawl();
        assertEquals("iid-http", d.instanceId());
        assertEquals("seed-dir (ds_config_seedfrom," + server.url("/by-serial/ABC123/") + ")", d.subplatform());
        assertEquals("/by-serial/ABC123/meta-data", server.requests.get(0));
    }

    @Test
    void credentialsStayOutOfTheSubplatform() throws Exception {
        serveSeed("/p/");
        String withUser = server.url("/p/").replace("http://", "http://u:pw@");
        ctx.config.put("seedfrom", withUser);
        CrawledData d = crawl();
        assertEquals("seed-dir (ds_config_seedfrom," + server.url("/p/") + ")", d.subplatform());
    }

    @Test
    void missingMetaDataIsAnErrorNamingTheUrl() {
        ctx.config.put("seedfrom", server.url("/empty/"));
        assertEquals("seedfrom " + server.url("/empty/") + ": " + server.url("/empty/meta-data") + " not found",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void brokenMetaDataNamesTheUrlAndLine() {
        server.serve("/b/meta-data", "instance-id: x\n  bad: indent\n").serve("/b/user-data", "");
        ctx.config.put("seedfrom", server.url("/b/"));
        String msg = assertThrows(DatasourceException.class, this::crawl).getMessage();
        assertTrue(msg.startsWith(server.url("/b/meta-data") + ": line 2"), msg);
    }

    @Test
    void oversizedUserDataIsAnError() {
        server.serve("/big/meta-data", "instance-id: x\n")
                .answer("/big/user-data", 200, new byte[Limits.MAX_SEED_BYTES + 1]);
        ctx.config.put("seedfrom", server.url("/big/"));
        assertEquals("seedfrom " + server.url("/big/user-data") + ": larger than 16 MiB (16777217 bytes)",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void serverThatNeverAnswersTimesOutAfterBoundedRetries() {
        server.hang("/slow/meta-data");
        ctx.config.put("seedfrom", server.url("/slow/"));
        ctx.config.put("timeout", 0.3);
        ctx.config.put("retries", 2);
        long start = System.nanoTime();
        DatasourceException e = assertThrows(DatasourceException.class, this::crawl);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(e.getMessage().startsWith("seedfrom " + server.url("/slow/meta-data")
                + ": failed after 3 attempt(s) with a 300 ms timeout each: "), e.getMessage());
        assertEquals(3, server.count("/slow/meta-data"));
        assertEquals(0, server.count("/slow/user-data"));
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "bounded: " + took);
    }

    @Test
    void errorThenSuccessIsRetried() throws Exception {
        server.answer("/r/meta-data", 500, "oops".getBytes())
                .serve("/r/meta-data", "instance-id: after-retry\n")
                .serve("/r/user-data", "ud");
        ctx.config.put("seedfrom", server.url("/r/"));
        ctx.config.put("retries", 1);
        assertEquals("after-retry", crawl().instanceId());
        assertEquals(2, server.count("/r/meta-data"));
    }

    @Test
    void errorWithoutRetriesFails() {
        server.answer("/r0/meta-data", 500, "oops".getBytes()).serve("/r0/meta-data", "instance-id: late\n");
        ctx.config.put("seedfrom", server.url("/r0/"));
        ctx.config.put("retries", 0);
        String msg = assertThrows(DatasourceException.class, this::crawl).getMessage();
        assertTrue(msg.startsWith("seedfrom " + server.url("/r0/meta-data") + ": failed after 1 attempt(s)"), msg);
        assertTrue(msg.contains("HTTP 500"), msg);
        assertEquals(1, server.count("/r0/meta-data"));
    }

    @Test
    void ftpSeedIsRefusedInTheNetworkStage() {
        ctx.cmdline = List.of("ds=nocloud;s=ftp://10.0.0.1/seed/");
        assertEquals("seedfrom ftp://10.0.0.1/seed/: ftp and ftps seeds are not supported; serve the seed over http(s)",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void ftpSeedIsNotClaimedLocally() throws Exception {
        ctx.stage = Stage.LOCAL;
        ctx.cmdline = List.of("ds=nocloud;s=ftp://10.0.0.1/seed/");
        assertTrue(ds.crawl(ctx).isEmpty());
    }
}
