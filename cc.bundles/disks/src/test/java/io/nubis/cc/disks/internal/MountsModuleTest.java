package io.nubis.cc.disks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class MountsModuleTest {
    private static final String SYSTEMD_OPTS = "defaults,nofail,x-systemd.after=cloud-init-network.service,_netdev";
    private static final String ROOT_LINE = "UUID=0e1f\t/\text4\tdefaults\t0\t1";

    @TempDir
    Path dir;

    /** A disk with no partitions: /dev/NAME and /sys/block/NAME. */
    private static TempTarget disk(TempTarget t, String name) {
        return t.file("/dev/" + name, "").file("/sys/devices/vbd/block/" + name + "/size", "1\n")
                .link("/sys/block/" + name, "../devices/vbd/block/" + name);
    }

    private static TestModuleContext ctx(TempTarget t, RecordingRunner r, String yaml, Map<String, ?> instanceData) {
        return TestModuleContext.builder("mounts").config(yaml).target(t).runner(r).instanceData(instanceData).build();
    }

    @Test
    void ec2DefaultsThroughTheBlockDeviceMappingReplaceOldCloudConfigLines() throws Exception {
        TempTarget t = disk(disk(TempTarget.in(dir), "xvdb"), "xvdc").dir("/run/systemd/system")
                .file("/etc/fstab", "# static\n" + ROOT_LINE + "\n\n/dev/old\t/old\tauto\tdefaults,comment=cloudconfig\t0\t2\n");
        RecordingRunner r = new RecordingRunner(t);
        new MountsModule().run(ctx(t, r, "", Map.of("ds", Map.of("meta_data",
                Map.of("block-device-mapping", Map.of("ami", "sda1", "ephemeral0", "sdb", "swap", "sdc"))))));
        assertEquals("# static\n" + ROOT_LINE + "\n"
                + "/dev/xvdb\t/mnt\tauto\t" + SYSTEMD_OPTS + ",comment=cloudconfig\t0\t2\n"
                + "/dev/xvdc\tnone\tswap\tsw,comment=cloudconfig\t0\t0\n", t.text("/etc/fstab"));
        assertTrue(t.isDirectory("/mnt"));
        assertEquals(List.of("swapon -a", "mount -a", "systemctl daemon-reload"), r.commandLines());
    }

    @Test
    void shortNamesDefaultFieldsAndRemovals() throws Exception {
        TempTarget t = disk(TempTarget.in(dir), "sdb").file("/dev/sdb1", "")
                .file("/sys/devices/vbd/block/sdb/sdb1/partition", "1\n").file("/etc/fstab", ROOT_LINE + "\n");
        disk(t, "vdc");
        RecordingRunner r = new RecordingRunner(t);
        new MountsModule().run(ctx(t, r, "mounts:\n  - [sdb, /data]\n  - [vdc, /srv, xfs, 'noatime', 0, 0]\n"
                + "  - [ephemeral0, null]\n  - ['nfs.example:/export', /nfs, nfs4, null]\n"
                + "  - [sdz, /never]\n", Map.of()));
        assertEquals(ROOT_LINE + "\n"
                + "/dev/sdb1\t/data\tauto\tdefaults,nobootwait,comment=cloudconfig\t0\t2\n"
                + "/dev/vdc\t/srv\txfs\tnoatime,comment=cloudconfig\t0\t0\n"
                + "nfs.example:/export\t/nfs\tnfs4\tdefaults,nobootwait,comment=cloudconfig\t0\t2\n"
                + "sdz\t/never\tauto\tdefaults,nobootwait,comment=cloudconfig\t0\t2\n", t.text("/etc/fstab"));
        assertEquals(List.of("mount -a"), r.commandLines());
    }

    @Test
    void mountDefaultFieldsAndAliases() throws Exception {
        TempTarget t = disk(TempTarget.in(dir), "vdb");
        RecordingRunner r = new RecordingRunner(t);
        new MountsModule().run(ctx(t, r, "device_aliases: {scratch: /dev/vdb}\n"
                + "mount_default_fields: [null, null, ext4, 'defaults,noexec', '0', '0']\nmounts:\n  - [scratch, /scratch]\n", Map.of()));
        assertEquals("/dev/vdb\t/scratch\text4\tdefaults,noexec,comment=cloudconfig\t0\t0\n", t.text("/etc/fstab"));
    }

    @Test
    void swapFileIsCreatedOnceAndMarked() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/proc/self/mountinfo", Fixtures.rootLine("252:1", "ext4", "/dev/vda1"));
        RecordingRunner r = new RecordingRunner(t);
        new MountsModule().run(ctx(t, r, "swap: {filename: /var/swapfile, size: 2G}\n", Map.of()));
        assertEquals(List.of("fallocate -l 2048M /var/swapfile", "mkswap /var/swapfile", "swapon -a", "mount -a"),
                r.commandLines());
        assertEquals("/var/swapfile\tnone\tswap\tsw,comment=cloudconfig\t0\t0\n", t.text("/etc/fstab"));
        t.file("/var/swapfile", "");
        r.clear();
        new MountsModule().run(ctx(t, r, "swap: {filename: /var/swapfile, size: 2G}\n", Map.of()));
        assertEquals("/var/swapfile\tnone\tswap\tsw,comment=cloudconfig\t0\t0\n", t.text("/etc/fstab"));
        // fstab unchanged and no mount point to mount: only swapon, as in the reference
        assertEquals(List.of("swapon -a"), r.commandLines());
    }

    @Test
    void swapOnBtrfsAndDdFallbackAndAutoSize() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/proc/self/mountinfo", Fixtures.rootLine("0:31", "btrfs", "/dev/vda2"))
                .file("/proc/meminfo", "MemTotal:        2048000 kB\nMemFree: 1 kB\n");
        RecordingRunner r = new RecordingRunner(t).onFailure("fallocate", 1, "fallocate: not supported");
        new MountsModule().run(ctx(t, r, "swap: {size: auto, maxsize: 64M}\n", Map.of()));
        assertEquals(List.of("truncate -s 0 /swap.img", "chattr +C /swap.img", "fallocate -l 64M /swap.img",
                "dd if=/dev/zero of=/swap.img bs=1M count=64", "mkswap /swap.img", "swapon -a", "mount -a"),
                r.commandLines());
    }

    @Test
    void aFailedSwapIsReportedAfterTheRestIsDone() {
        TempTarget t = disk(TempTarget.in(dir), "vdb");
        RecordingRunner r = new RecordingRunner(t).onFailure("mkswap", 1, "mkswap: error");
        ModuleException e = assertThrows(ModuleException.class, () -> new MountsModule().run(
                ctx(t, r, "mounts: [[vdb, /data]]\nswap: {filename: /swap.img, size: 1M}\n", Map.of())));
        assertTrue(e.getMessage().startsWith("mounts: swap: creating swap file /swap.img of 1 MiB failed"), e.getMessage());
        assertEquals("/dev/vdb\t/data\tauto\tdefaults,nobootwait,comment=cloudconfig\t0\t2\n", t.text("/etc/fstab"));
        assertFalse(t.exists("/swap.img"));
    }

    @Test
    void nothingToDoLeavesFstabAlone() throws Exception {
        TempTarget t = TempTarget.in(dir).file("/etc/fstab", ROOT_LINE + "\n/dev/gone\t/x\tauto\tdefaults,comment=cloudconfig\t0\t2\n");
        RecordingRunner r = new RecordingRunner(t);
        new MountsModule().run(ctx(t, r, "", Map.of()));
        assertEquals(ROOT_LINE + "\n/dev/gone\t/x\tauto\tdefaults,comment=cloudconfig\t0\t2\n", t.text("/etc/fstab"));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void unchangedAndMountedRunsNoMount() throws Exception {
        TempTarget t = disk(TempTarget.in(dir), "vdb")
                .file("/etc/fstab", "/dev/vdb\t/data\tauto\tdefaults,nobootwait,comment=cloudconfig\t0\t2\n")
                .file("/proc/self/mountinfo", Fixtures.rootLine("252:1", "ext4", "/dev/vda1")
                        + "30 25 252:16 / /data rw - ext4 /dev/vdb rw\n");
        RecordingRunner r = new RecordingRunner(t);
        new MountsModule().run(ctx(t, r, "mounts: [[vdb, /data]]\n", Map.of()));
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void badInputNamesTheKey() {
        TempTarget t = TempTarget.in(dir);
        for (String[] c : new String[][] {
            {"mounts: [[sdb, '/data dir']]", "mounts[0][1]"},
            {"mounts: [[sdb, /data, auto, \"defaults\\n/dev/evil / ext4\"]]", "mounts[0][3]"},
            {"mounts: [[null, /data]]", "mounts[0]"},
            {"mount_default_fields: [a, b]", "mount_default_fields"},
            {"swap: {size: lots}", "swap.size"},
            {"swap: {filename: '../etc/shadow', size: 1M}", "swap.filename"},
            {"swap: [x]", "swap"},
            {"mounts: {a: b}", "mounts"}}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new MountsModule().run(ctx(t, new RecordingRunner(t), c[0], Map.of())), c[0]);
            assertEquals(c[1], e.keyPath(), c[0]);
        }
        assertFalse(t.exists("/etc/fstab"));
    }

    @Test
    void swapSizes() {
        assertEquals(2L << 30, SwapSize.bytes("s", "2G"));
        assertEquals(1536L << 20, SwapSize.bytes("s", "1.5G"));
        assertEquals(100L << 20, SwapSize.bytes("s", "100MB"));
        assertEquals(4096, SwapSize.bytes("s", 4096));
        assertEquals(512, SwapSize.bytes("s", "512"));
        assertEquals(2L << 30, SwapSize.suggest(2L << 30, null, -1));
        assertEquals(4L << 30, SwapSize.suggest(8L << 30, null, 100L << 30));
        assertEquals(1L << 30, SwapSize.suggest(8L << 30, null, 4L << 30));
        assertEquals(5L << 30, SwapSize.suggest(25L << 30, null, -1));
    }
}
