package io.nubis.ds.nocloud.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.exec.Command;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;

/** cidata volumes: mount read-only, read, unmount, through the command runner. */
class CidataVolumesTest {
    private static final String MP = "/run/cloud-init/tmp/nocloud-[0-9a-f]+";

    @TempDir
    Path tmp;
    TempTarget target;
    FakeContext ctx;
    /** What each device "contains": file name to content. */
    final Map<String, Map<String, String>> volumes = new java.util.HashMap<>();
    final List<String> mountedAt = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        target = TempTarget.in(tmp);
        target.mkdirs("/run", 0755);
        ctx = new FakeContext(target);
        ctx.runner = scriptedMounts(false);
    }

    /** A runner whose mount copies the device's files into the mount point and whose umount empties it. */
    private RecordingRunner scriptedMounts(boolean plan) {
        return withMount(new RecordingRunner().planMode(plan))
                .on("umount", c -> {
                    target.deleteTree(c.argv().get(1));
                    target.mkdirs(c.argv().get(1), 0700);
                    return RecordingRunner.result(0, "", "");
                });
    }

    /** Adds a mount that copies the device's files into the mount point. */
    private RecordingRunner withMount(RecordingRunner runner) {
        return runner.on("mount", c -> {
            String dev = c.argv().get(5);
            String mp = c.argv().get(6);
            Map<String, String> files = volumes.get(dev);
            if (files == null) {
                return RecordingRunner.result(32, "", "mount: " + mp + ": wrong fs type, bad option, bad superblock on " + dev);
            }
            mountedAt.add(mp);
            for (Map.Entry<String, String> f : files.entrySet()) {
                target.file(mp + "/" + f.getKey(), f.getValue());
            }
            return RecordingRunner.result(0, "", "");
        });
    }

    private CrawledData crawl(boolean root) throws DatasourceException {
        return new NoCloudDatasource(() -> root).crawl(ctx).orElseThrow(() -> new AssertionError("not found"));
    }

    private static void assertMount(Command c, String dev) {
        assertEquals(List.of("mount", "-o", "ro", "-t", "vfat,iso9660", dev), c.argv().subList(0, 6));
        assertTrue(c.argv().get(6).matches(MP), c.argv().get(6));
        assertEquals(7, c.argv().size());
        assertEquals(Duration.ofMinutes(2), c.timeout());
    }

    @Test
    void mountsReadsAndUnmounts() throws Exception {
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: iid-cd\n", "user-data", "#cloud-config\n",
                "network-config", "version: 2\n"));
        CrawledData d = crawl(true);
        assertEquals("config-disk (/dev/sr0)", d.subplatform());
        assertEquals("iid-cd", d.instanceId());
        assertEquals("#cloud-config\n", new String(d.userData(), StandardCharsets.UTF_8));
        assertEquals(Map.of("version", 2), d.networkConfig());

        assertEquals(2, ctx.runner.commands().size());
        assertMount(ctx.runner.commands().get(0), "/dev/sr0");
        String mp = mountedAt.get(0);
        assertEquals(List.of("umount", mp), ctx.runner.commands().get(1).argv());
        assertFalse(target.exists(mp), "mount point removed");
        assertEquals(0700, target.mode("/run/cloud-init/tmp"));
        assertEquals(List.of(List.of("CIDATA", "cidata")), ctx.labelQueries);
    }

    @Test
    void failedMountMovesOnToTheNextDevice() throws Exception {
        ctx.labels.put("cidata", List.of("/dev/sr0", "/dev/vdb"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: from-sr0\n", "user-data", ""));
        CrawledData d = crawl(true);
        assertEquals("config-disk (/dev/sr0)", d.subplatform());
        List<Command> cmds = ctx.runner.commands();
        assertEquals(3, cmds.size());
        assertMount(cmds.get(0), "/dev/vdb");
        assertMount(cmds.get(1), "/dev/sr0");
        assertEquals("umount", cmds.get(2).argv().get(0));
        assertFalse(target.exists(cmds.get(0).argv().get(6)), "unused mount point removed");
    }

    @Test
    void volumeWithoutUserDataIsSkippedButUnmounted() throws Exception {
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: x\n"));
        assertTrue(new NoCloudDatasource(() -> true).crawl(ctx).isEmpty());
        assertEquals(List.of("mount", "umount"), ctx.runner.commands().stream().map(c -> c.argv().get(0)).toList());
    }

    @Test
    void brokenMetaDataOnVolumeNamesDeviceAndStillUnmounts() throws Exception {
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "a: 1\nb: [\n", "user-data", ""));
        DatasourceException e = assertThrows(DatasourceException.class, () -> crawl(true));
        assertTrue(e.getMessage().startsWith("meta-data on /dev/sr0: line 3"), e.getMessage());
        assertEquals(List.of("mount", "umount"), ctx.runner.commands().stream().map(c -> c.argv().get(0)).toList());
        assertFalse(target.exists(mountedAt.get(0)));
    }

    @Test
    void failedUnmountKeepsTheMountPoint() throws Exception {
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: x\n", "user-data", ""));
        ctx.runner = withMount(new RecordingRunner().on("umount", c -> RecordingRunner.result(32, "", "target is busy")));
        assertEquals("x", crawl(true).instanceId());
        assertTrue(target.exists(mountedAt.get(0) + "/meta-data"), "busy mount point left alone");
    }

    @Test
    void seedDirAndVolumeMergeLikeTheReference() throws Exception {
        target.file("/var/lib/cloud/seed/nocloud/meta-data", "instance-id: from-dir\n");
        target.file("/var/lib/cloud/seed/nocloud/user-data", "dir user-data");
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: from-cd\nlocal-hostname: cd\n",
                "user-data", "cd user-data"));
        CrawledData d = crawl(true);
        assertEquals("seed-dir (/var/lib/cloud/seed/nocloud,/dev/sr0)", d.subplatform());
        assertEquals("from-dir", d.instanceId());
        assertEquals("cd", d.localHostname());
        assertEquals("cd user-data", new String(d.userData(), StandardCharsets.UTF_8));
    }

    @Test
    void alreadyMountedVolumeIsReadInPlace() throws Exception {
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        target.file("/proc/mounts", "proc /proc proc rw 0 0\n/dev/sr0 /media/ci\\040data iso9660 ro 0 0\n");
        target.file("/media/ci data/meta-data", "instance-id: mounted\n");
        target.file("/media/ci data/user-data", "");
        assertEquals("mounted", crawl(false).instanceId());
        assertTrue(ctx.runner.commands().isEmpty());
    }

    @Test
    void withoutRootNothingIsMounted() throws Exception {
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: x\n", "user-data", ""));
        assertTrue(new NoCloudDatasource(() -> false).crawl(ctx).isEmpty());
        assertTrue(ctx.runner.commands().isEmpty());
        assertFalse(target.exists("/run/cloud-init"));
    }

    @Test
    void planModeMountsNothing() throws Exception {
        ctx.runner = scriptedMounts(true);
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: x\n", "user-data", ""));
        assertTrue(new NoCloudDatasource(() -> true).crawl(ctx).isEmpty());
        assertTrue(ctx.runner.commands().isEmpty());
    }

    @Test
    void customLabelAndLabelSearchOff() throws Exception {
        ctx.config.put("fs_label", "seeddisk");
        ctx.labels.put("SEEDDISK", List.of("/dev/vdc"));
        volumes.put("/dev/vdc", Map.of("meta-data", "instance-id: custom\n", "user-data", ""));
        assertEquals("custom", crawl(true).instanceId());
        assertEquals(List.of(List.of("SEEDDISK", "seeddisk")), ctx.labelQueries);

        ctx.labelQueries.clear();
        ctx.config.put("fs_label", null);
        assertTrue(new NoCloudDatasource(() -> true).crawl(ctx).isEmpty());
        assertTrue(ctx.labelQueries.isEmpty());
    }

    @Test
    void runDirFallsBackToVarRun() throws Exception {
        target.delete("/run");
        ctx.labels.put("CIDATA", List.of("/dev/sr0"));
        volumes.put("/dev/sr0", Map.of("meta-data", "instance-id: bsd\n", "user-data", ""));
        assertEquals("bsd", crawl(true).instanceId());
        assertTrue(mountedAt.get(0).startsWith("/var/run/cloud-init/tmp/nocloud-"), mountedAt.get(0));
    }

    @Test
    void unescapesMountTable() {
        assertEquals("/media/a b\tc", CidataVolumes.unescape("/media/a\\040b\\011c"));
        assertEquals("/x\\y", CidataVolumes.unescape("/x\\y"));
    }
}
