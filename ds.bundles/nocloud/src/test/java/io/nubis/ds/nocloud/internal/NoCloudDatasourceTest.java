package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.module.Stage;
import io.nubis.api.target.FileAttributes;
import io.nubis.testkit.TempTarget;

/** Seed directories, kernel command line, DMI serial, system config, meta-data rules. */
class NoCloudDatasourceTest {
    private static final String SEED = "/var/lib/cloud/seed/nocloud";
    private static final String SEED_NET = "/var/lib/cloud/seed/nocloud-net";

    @TempDir
    Path tmp;
    TempTarget target;
    FakeContext ctx;
    final NoCloudDatasource ds = new NoCloudDatasource(() -> true);

    @BeforeEach
    void setUp() throws Exception {
        target = TempTarget.in(tmp);
        ctx = new FakeContext(target);
    }

    private CrawledData crawl() throws DatasourceException {
        return ds.crawl(ctx).orElseThrow(() -> new AssertionError("NoCloud not found"));
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void nothingToFindIsEmpty() throws Exception {
        assertTrue(ds.crawl(ctx).isEmpty());
        assertEquals(List.of(List.of("CIDATA", "cidata")), ctx.labelQueries);
        assertTrue(ctx.runner.commands().isEmpty());
    }

    @Test
    void seedDirectoryWithAllFiles() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: iid-local01\nlocal-hostname: cloudimg\n");
        target.file(SEED + "/user-data", "#cloud-config\nruncmd: [true]\n");
        target.file(SEED + "/vendor-data", "#cloud-config\npackages: [htop]\n");
        target.file(SEED + "/network-config", "version: 2\nethernets:\n  eth0: {dhcp4: true}\n");
        CrawledData d = crawl();
        assertEquals("NoCloud", d.dsName());
        assertEquals("seed-dir (/var/lib/cloud/seed/nocloud)", d.subplatform());
        assertEquals("iid-local01", d.instanceId());
        assertEquals("cloudimg", d.localHostname());
        assertEquals(Map.of("instance-id", "iid-local01", "local-hostname", "cloudimg", "dsmode", "net"), d.metadata());
        assertEquals("#cloud-config\nruncmd: [true]\n", text(d.userData()));
        assertEquals("#cloud-config\npackages: [htop]\n", text(d.vendorData()));
        assertNull(d.vendorData2());
        assertEquals(Map.of("version", 2, "ethernets", Map.of("eth0", Map.of("dhcp4", true))), d.networkConfig());
        assertEquals("net", d.dsmode());
    }

    @Test
    void incompleteSeedDirIsSkippedForTheNextOne() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: only-meta\n");
        target.file(SEED_NET + "/meta-data", "instance-id: from-net-dir\n");
        target.file(SEED_NET + "/user-data", "");
        CrawledData d = crawl();
        assertEquals("from-net-dir", d.instanceId());
        assertEquals("seed-dir (/var/lib/cloud/seed/nocloud-net)", d.subplatform());
        assertEquals("", text(d.userData()));
        assertNull(d.vendorData());
        assertNull(d.networkConfig());
    }

    @Test
    void onlyFirstCompleteSeedDirIsUsed() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: first\n");
        target.file(SEED + "/user-data", "one");
        target.file(SEED_NET + "/meta-data", "instance-id: second\nextra: 1\n");
        target.file(SEED_NET + "/user-data", "two");
        CrawledData d = crawl();
        assertEquals(Map.of("instance-id", "first", "dsmode", "net"), d.metadata());
        assertEquals("one", text(d.userData()));
    }

    @Test
    void missingInstanceIdFallsBackToNocloud() throws Exception {
        target.file(SEED + "/meta-data", "");
        target.file(SEED + "/user-data", "#!/bin/sh\n");
        assertEquals("nocloud", crawl().instanceId());
    }

    @Test
    void blankInstanceIdFallsBackToNocloud() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: ''\n");
        target.file(SEED + "/user-data", "");
        assertEquals("nocloud", crawl().instanceId());
    }

    @Test
    void structuredInstanceIdIsAnError() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: [a, b]\n");
        target.file(SEED + "/user-data", "");
        assertEquals("NoCloud meta-data instance-id: expected a string, got a list",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void jsonMetaData() throws Exception {
        target.file(SEED + "/meta-data", "{\"instance-id\": \"json-1\", \"dsmode\": \"local\"}");
        target.file(SEED + "/user-data", "");
        CrawledData d = crawl();
        assertEquals("json-1", d.instanceId());
        assertEquals("local", d.dsmode());
    }

    @Test
    void brokenMetaDataNamesFileAndLine() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: x\nlocal-hostname: \"unterminated\n");
        target.file(SEED + "/user-data", "");
        String msg = assertThrows(DatasourceException.class, this::crawl).getMessage();
        assertTrue(msg.startsWith("/var/lib/cloud/seed/nocloud/meta-data: line "), msg);
        assertTrue(msg.contains("invalid YAML"), msg);
    }

    @Test
    void metaDataThatIsNotAMappingIsAnError() throws Exception {
        target.file(SEED + "/meta-data", "- instance-id\n");
        target.file(SEED + "/user-data", "");
        assertEquals("/var/lib/cloud/seed/nocloud/meta-data: expected a YAML mapping, got a list",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void brokenNetworkConfigNamesFile() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: x\n");
        target.file(SEED + "/user-data", "");
        target.file(SEED + "/network-config", "version: 2\n  ethernets: {\n");
        String msg = assertThrows(DatasourceException.class, this::crawl).getMessage();
        assertTrue(msg.startsWith("/var/lib/cloud/seed/nocloud/network-config: line 2"), msg);
    }

    @Test
    void oversizedUserDataIsAnError() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: big\n");
        Path ud = target.file(SEED + "/user-data", "").host(SEED + "/user-data");
        try (RandomAccessFile f = new RandomAccessFile(ud.toFile(), "rw")) {
            f.setLength(Limits.MAX_SEED_BYTES + 1L);
        }
        assertEquals("/var/lib/cloud/seed/nocloud/user-data: larger than 16 MiB (16777217 bytes)",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void seedFileThatIsADirectoryIsAnError() throws Exception {
        target.file(SEED + "/meta-data/x", "");
        target.file(SEED + "/user-data", "");
        assertEquals("/var/lib/cloud/seed/nocloud/meta-data: is a directory, expected a file",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void fifoSeedFileIsRefused() throws Exception {
        target.file(SEED + "/user-data", "");
        Path fifo = target.resolve(SEED).resolve("meta-data");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor());
        assertEquals("/var/lib/cloud/seed/nocloud/meta-data: not a regular file",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void symlinkOutOfTheRootStaysInside() throws Exception {
        target.file(SEED + "/user-data", "");
        target.file("/etc/md", "instance-id: inside-root\n");
        // an absolute link is resolved inside the target root, never on the host
        java.nio.file.Files.createSymbolicLink(target.resolve(SEED).resolve("meta-data"), Path.of("/etc/md"));
        assertEquals("inside-root", crawl().instanceId());
    }

    @Test
    void dsmodeDisabledIsNotClaimed() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: x\ndsmode: disabled\n");
        target.file(SEED + "/user-data", "");
        assertTrue(ds.crawl(ctx).isEmpty());
    }

    @Test
    void invalidDsmodeFallsBackToNet() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: x\ndsmode: sideways\n");
        target.file(SEED + "/user-data", "");
        assertEquals("net", crawl().dsmode());
    }

    @Test
    void kernelCommandLineAloneIsEnoughAndWinsOverSeed() throws Exception {
        ctx.cmdline = List.of("ro", "ds=nocloud;i=iid-cmd;h=cmdhost");
        CrawledData alone = crawl();
        assertEquals("seed-dir (cmdline)", alone.subplatform());
        assertEquals(Map.of("instance-id", "iid-cmd", "local-hostname", "cmdhost", "dsmode", "local"),
                alone.metadata());
        assertEquals("", text(alone.userData()));

        target.file(SEED + "/meta-data", "instance-id: iid-seed\nlocal-hostname: seedhost\nregion: r1\n");
        target.file(SEED + "/user-data", "#cloud-config\n");
        CrawledData d = crawl();
        assertEquals("seed-dir (cmdline,/var/lib/cloud/seed/nocloud)", d.subplatform());
        assertEquals(Map.of("instance-id", "iid-cmd", "local-hostname", "cmdhost", "dsmode", "local",
                "region", "r1"), d.metadata());
        assertEquals("#cloud-config\n", text(d.userData()));
        assertEquals("local", d.dsmode());
    }

    @Test
    void dmiSerialWinsOverKernelCommandLine() throws Exception {
        target.file("/sys/class/dmi/id/product_serial", "ds=nocloud-net;i=iid-dmi\n");
        ctx.cmdline = List.of("ds=nocloud;i=iid-cmd;h=cmdhost");
        CrawledData d = crawl();
        assertEquals("seed-dir (dmi,cmdline)", d.subplatform());
        assertEquals(Map.of("instance-id", "iid-dmi", "dsmode", "net", "local-hostname", "cmdhost"), d.metadata());
    }

    @Test
    void unrelatedDmiSerialIsIgnored() throws Exception {
        target.file("/sys/class/dmi/id/product_serial", "VMware-56 4d 9f\n");
        assertTrue(ds.crawl(ctx).isEmpty());
    }

    @Test
    void inlineSeedFromSystemConfig() throws Exception {
        ctx.config.put("meta-data", Map.of("instance-id", "cfg-iid"));
        ctx.config.put("user-data", "#cloud-config\nhostname: cfg\n");
        ctx.config.put("vendor-data", "#cloud-config\n");
        CrawledData d = crawl();
        assertEquals("seed-dir (ds_config)", d.subplatform());
        assertEquals("cfg-iid", d.instanceId());
        assertEquals("#cloud-config\nhostname: cfg\n", text(d.userData()));
        assertEquals("#cloud-config\n", text(d.vendorData()));
    }

    @Test
    void inlineSeedNeedsBothUserDataAndMetaData() throws Exception {
        ctx.config.put("user-data", "#cloud-config\n");
        assertTrue(ds.crawl(ctx).isEmpty());
    }

    @Test
    void configSeedfromLocalPathInLocalStage() throws Exception {
        ctx.stage = Stage.LOCAL;
        ctx.config.put("seedfrom", "/srv/seed/");
        target.file("/srv/seed/meta-data", "instance-id: from-srv\nlocal-hostname: srvhost\n");
        target.file("/srv/seed/user-data", "#cloud-config\n");
        target.file("/srv/seed/network-config", "version: 1\nconfig: []\n");
        CrawledData d = crawl();
        assertEquals("seed-dir (ds_config_seedfrom,/srv/seed/)", d.subplatform());
        assertEquals(Map.of("seedfrom", "/srv/seed/", "instance-id", "from-srv", "local-hostname", "srvhost",
                "dsmode", "net"), d.metadata());
        assertEquals(Map.of("version", 1, "config", List.of()), d.networkConfig());
        assertTrue(ctx.fetched.isEmpty());
    }

    @Test
    void cmdlineFileSeedfromWithoutTrailingSlash() throws Exception {
        ctx.cmdline = List.of("ds=nocloud;s=file:///srv/seed;i=cmd-iid");
        target.file("/srv/seed/meta-data", "instance-id: seed-iid\nlocal-hostname: h\n");
        target.file("/srv/seed/user-data", "ud");
        CrawledData d = crawl();
        assertEquals("seed-dir (cmdline,file:///srv/seed)", d.subplatform());
        assertEquals("cmd-iid", d.instanceId());
        assertEquals("h", d.localHostname());
        assertEquals("local", d.dsmode());
        assertEquals("ud", text(d.userData()));
    }

    @Test
    void localSeedfromMissingUserDataIsAnError() throws Exception {
        ctx.cmdline = List.of("ds=nocloud;s=/srv/seed/");
        target.file("/srv/seed/meta-data", "instance-id: x\n");
        assertEquals("seedfrom /srv/seed/: /srv/seed/user-data not found",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void configSeedfromOverridesSeedDirSeedfrom() throws Exception {
        target.file(SEED + "/meta-data", "instance-id: x\nseedfrom: /nowhere/\n");
        target.file(SEED + "/user-data", "seed-dir user-data");
        ctx.config.put("seedfrom", "/srv/seed/");
        target.file("/srv/seed/meta-data", "instance-id: y\nzone: z1\n");
        target.file("/srv/seed/user-data", "srv user-data");
        CrawledData d = crawl();
        assertEquals("seed-dir (/var/lib/cloud/seed/nocloud,ds_config_seedfrom,/srv/seed/)", d.subplatform());
        assertEquals(Map.of("instance-id", "x", "seedfrom", "/srv/seed/", "zone", "z1", "dsmode", "net"),
                d.metadata());
        assertEquals("srv user-data", text(d.userData()));
    }

    @Test
    void unsupportedSeedfromIsNotClaimed() throws Exception {
        ctx.cmdline = List.of("ds=nocloud;s=gopher://host/");
        assertTrue(ds.crawl(ctx).isEmpty());
    }

    @Test
    void seedfromThatIsNotTextIsAnError() throws Exception {
        target.file(SEED + "/meta-data", "seedfrom: {a: 1}\n");
        target.file(SEED + "/user-data", "");
        assertEquals("NoCloud meta-data seedfrom (from /var/lib/cloud/seed/nocloud): expected a string, got a mapping",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void badSystemConfigIsAnError() throws Exception {
        ctx.config.put("fs_label", List.of("x"));
        assertEquals("datasource.NoCloud.fs_label: expected a label or null, got a list",
                assertThrows(DatasourceException.class, this::crawl).getMessage());
    }

    @Test
    void userDataBytesAreKeptAsIs() throws Exception {
        byte[] gz = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
        target.file(SEED + "/meta-data", "instance-id: bin\n");
        target.write(SEED + "/user-data", gz, FileAttributes.PUBLIC);
        assertArrayEquals(gz, crawl().userData());
    }
}
