package io.nubis.cc.disks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;
import io.nubis.testkit.TreeSnapshot;

class GrowpartModuleTest {
    private static final String FREEBSD = "system_info: {disks: {partition_resizer: gpart, block_devices: geom}}\n";

    @TempDir
    Path dir;

    private static TestModuleContext ctx(TempTarget t, RecordingRunner r, String yaml) {
        return TestModuleContext.builder("growpart").config(yaml).target(t).runner(r).build();
    }

    @Test
    void growsTheRootPartitionFoundThroughMountinfoAndSysfs() throws Exception {
        TempTarget t = Fixtures.vm(TempTarget.in(dir));
        RecordingRunner r = new RecordingRunner(t).present("growpart", "gpart")
                .onOutput("growpart", "CHANGE: partition=1 start=2048 old: size=4194304 end=4196352 new: size=20969439\n");
        new GrowpartModule().run(ctx(t, r, ""));
        assertEquals(List.of("growpart --dry-run /dev/vda 1", "growpart /dev/vda 1"), r.commandLines());
    }

    @Test
    void nvmeStylePartitionsAndExplicitDevices() throws Exception {
        TempTarget t = Fixtures.partition(TempTarget.in(dir), "nvme0n1", "nvme0n1p3", "3", "259:3")
                .link("/dev/disk/by-label/data", "../../nvme0n1p3");
        RecordingRunner r = new RecordingRunner(t).present("growpart");
        new GrowpartModule().run(ctx(t, r, "growpart: {mode: growpart, devices: [/dev/disk/by-label/data]}"));
        assertEquals(List.of("growpart --dry-run /dev/nvme0n1 3", "growpart /dev/nvme0n1 3"), r.commandLines());
    }

    @Test
    void rerunWithNochangeChangesNothing() throws Exception {
        TempTarget t = Fixtures.vm(TempTarget.in(dir));
        RecordingRunner r = new RecordingRunner(t).present("growpart")
                .on(Pattern.compile("--dry-run"), RecordingRunner.result(1, "NOCHANGE: partition 1 is size 20969439. it cannot be grown\n", ""));
        TestModuleContext c = TestModuleContext.builder("growpart").updateMode(true).target(t).runner(r).build();
        Map<String, String> before = TreeSnapshot.of(dir);
        new GrowpartModule().run(c);
        new GrowpartModule().run(c);
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of("growpart --dry-run /dev/vda 1", "growpart --dry-run /dev/vda 1"), r.commandLines());
    }

    @Test
    void dryRunFailureIsAnError() {
        TempTarget t = Fixtures.vm(TempTarget.in(dir));
        RecordingRunner r = new RecordingRunner(t).present("growpart").onFailure("growpart", 1, "FAILED: disk too small");
        ModuleException e = assertThrows(ModuleException.class, () -> new GrowpartModule().run(ctx(t, r, "")));
        assertTrue(e.getMessage().contains("FAILED: disk too small"), e.getMessage());
    }

    @Test
    void freebsdUsesGpartThroughGeomLabels() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).present("gpart", "growpart")
                .onOutput("mount", "/dev/gpt/rootfs\t/\tufs\trw\t1\t1\ndevfs\t/dev\tdevfs\trw\t0\t0\n")
                .onOutput("glabel", "gpt/efiesp     N/A  vtbd0p1\ngpt/rootfs     N/A  vtbd0p4\n");
        new GrowpartModule().run(ctx(t, r, FREEBSD));
        assertEquals(List.of("mount -p", "glabel status -s", "gpart recover /dev/vtbd0", "gpart resize -i 4 /dev/vtbd0"),
                r.commandLines());
    }

    @Test
    void freebsdMbrSlicesAreSkipped() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).present("gpart").onOutput("mount", "/dev/ada0s1a / ufs rw 1 1\n");
        new GrowpartModule().run(ctx(t, r, FREEBSD));
        assertEquals(List.of("mount -p", "glabel status -s"), r.commandLines());
    }

    @Test
    void autoFallsBackToTheOtherToolAndSkipsWhenNoneIsInstalled() throws Exception {
        TempTarget t = Fixtures.vm(TempTarget.in(dir));
        RecordingRunner none = new RecordingRunner(t);
        new GrowpartModule().run(ctx(t, none, ""));
        assertEquals(List.of(), none.commandLines());
        RecordingRunner onlyGpart = new RecordingRunner(t).present("gpart");
        new GrowpartModule().run(ctx(t, onlyGpart, ""));
        assertEquals(List.of("gpart recover /dev/vda", "gpart resize -i 1 /dev/vda"), onlyGpart.commandLines());
    }

    @Test
    void skipsCleanlyWhereThereIsNoPartition() throws Exception {
        String[][] roots = {
            {"overlay", "overlay"},
            {"tmpfs", "tmpfs"},
            {"ext4", "/dev/mapper/vg0-root"},
            {"ext4", "/dev/vdb"},
            {"ext4", "/dev/root"},
        };
        for (String[] root : roots) {
            Path d = dir.resolve(root[0] + root[1].replace('/', '_'));
            java.nio.file.Files.createDirectories(d);
            TempTarget t = TempTarget.in(d).file("/proc/self/mountinfo", Fixtures.rootLine("253:0", root[0], root[1]))
                    .file("/sys/devices/virtual/block/dm-0/dm/name", "vg0-root\n")
                    .link("/sys/class/block/dm-0", "../../devices/virtual/block/dm-0")
                    .link("/dev/mapper/vg0-root", "../dm-0").file("/dev/dm-0", "")
                    .file("/sys/devices/pci0000:00/block/vdb/size", "1\n")
                    .link("/sys/class/block/vdb", "../../devices/pci0000:00/block/vdb").file("/dev/vdb", "");
            RecordingRunner r = new RecordingRunner(t).present("growpart");
            new GrowpartModule().run(ctx(t, r, ""));
            assertEquals(List.of(), r.commandLines(), root[0] + " " + root[1]);
        }
        TempTarget chroot = TempTarget.in(Path.of(dir.toString(), "overlayoverlay"));
        chroot.delete("/proc/self/mountinfo");
        RecordingRunner r = new RecordingRunner(chroot).present("growpart");
        new GrowpartModule().run(ctx(chroot, r, ""));
        TempTarget container = Fixtures.vm(TempTarget.in(dir)).file("/run/systemd/container", "docker\n");
        new GrowpartModule().run(ctx(container, r, ""));
        TempTarget disabled = Fixtures.vm(TempTarget.in(dir)).file("/etc/growroot-disabled", "");
        disabled.delete("/run/systemd/container");
        new GrowpartModule().run(ctx(disabled, r, ""));
        new GrowpartModule().run(ctx(disabled, r, "growpart: {mode: 'off', ignore_growroot_disabled: true}"));
        new GrowpartModule().run(ctx(disabled, r, "growpart: {mode: false}"));
        assertEquals(List.of(), r.commandLines());
        new GrowpartModule().run(ctx(disabled, r, "growpart: {ignore_growroot_disabled: true}"));
        assertEquals(List.of("growpart --dry-run /dev/vda 1", "growpart /dev/vda 1"), r.commandLines());
    }

    @Test
    void devRootResolvesThroughTheKernelsMajorMinor() throws Exception {
        TempTarget t = Fixtures.partition(TempTarget.in(dir), "sda", "sda2", "2", "8:2")
                .file("/proc/self/mountinfo", Fixtures.rootLine("8:2", "ext4", "/dev/root"));
        RecordingRunner r = new RecordingRunner(t).present("growpart");
        new GrowpartModule().run(ctx(t, r, ""));
        assertEquals(List.of("growpart --dry-run /dev/sda 2", "growpart /dev/sda 2"), r.commandLines());
    }

    @Test
    void badInputNamesTheKey() {
        TempTarget t = Fixtures.vm(TempTarget.in(dir));
        for (String[] c : new String[][] {
            {"growpart: {mode: sometimes}", "growpart.mode"},
            {"growpart: {devices: [relative]}", "growpart.devices[0]"},
            {"growpart: {devices: {a: b}}", "growpart.devices"},
            {"growpart: [auto]", "growpart"},
            {"growpart: {ignore_growroot_disabled: perhaps}", "growpart.ignore_growroot_disabled"}}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> new GrowpartModule().run(ctx(t, new RecordingRunner(t).present("growpart"), c[0])), c[0]);
            assertEquals(c[1], e.keyPath());
        }
    }
}
