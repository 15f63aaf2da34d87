package io.nubis.cc.disks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.config.ConfigException;
import io.nubis.api.module.ModuleException;
import io.nubis.testkit.RecordingRunner;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class ResizefsModuleTest {
    @TempDir
    Path dir;

    private List<String> run(String fsType, String source, String yaml) throws Exception {
        Path d = Files.createTempDirectory(dir, fsType);
        TempTarget t = Fixtures.partition(TempTarget.in(d), "vda", "vda1", "1", "252:1")
                .file("/proc/self/mountinfo", Fixtures.rootLine("252:1", fsType, source));
        RecordingRunner r = new RecordingRunner(t);
        new ResizefsModule().run(TestModuleContext.builder("resizefs").config(yaml).target(t).runner(r).build());
        return r.commandLines();
    }

    @Test
    void commandPerFilesystemType() throws Exception {
        assertEquals(List.of("resize2fs /dev/vda1"), run("ext4", "/dev/vda1", ""));
        assertEquals(List.of("xfs_growfs /"), run("xfs", "/dev/vda1", "resize_rootfs: true"));
        assertEquals(List.of("btrfs filesystem resize max /"), run("btrfs", "/dev/vda1", "resize_rootfs: noblock"));
        assertEquals(List.of(), run("vfat", "/dev/vda1", ""));
        assertEquals(List.of(), run("ext4", "/dev/vda1", "resize_rootfs: false"));
    }

    @Test
    void skipsOverlayContainersAndMissingDevices() throws Exception {
        assertEquals(List.of(), run("overlay", "overlay", ""));
        assertEquals(List.of(), run("ext4", "/dev/sdz9", ""));
        Path d = Files.createTempDirectory(dir, "ct");
        TempTarget t = Fixtures.vm(TempTarget.in(d)).file("/.dockerenv", "");
        RecordingRunner r = new RecordingRunner(t);
        new ResizefsModule().run(TestModuleContext.builder("resizefs").target(t).runner(r).build());
        assertEquals(List.of(), r.commandLines());
    }

    @Test
    void devRootFromTheKernelCommandLine() throws Exception {
        TempTarget t = Fixtures.partition(TempTarget.in(dir), "vda", "vda1", "1", "252:1")
                .file("/proc/self/mountinfo", Fixtures.rootLine("252:1", "ext4", "/dev/root"))
                .file("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=UUID=0e1f ro console=ttyS0\n")
                .link("/dev/disk/by-uuid/0e1f", "../../vda1");
        RecordingRunner r = new RecordingRunner(t);
        new ResizefsModule().run(TestModuleContext.builder("resizefs").target(t).runner(r).build());
        assertEquals(List.of("resize2fs /dev/disk/by-uuid/0e1f"), r.commandLines());
    }

    @Test
    void freebsdUfsWithGrowfs() throws Exception {
        TempTarget t = TempTarget.in(dir);
        RecordingRunner r = new RecordingRunner(t).onOutput("mount", "/dev/gpt/rootfs / ufs rw 1 1\n");
        new ResizefsModule().run(TestModuleContext.builder("resizefs")
                .config("system_info: {disks: {block_devices: geom}}").target(t).runner(r).build());
        assertEquals(List.of("mount -p", "growfs -y /"), r.commandLines());
    }

    @Test
    void failureAndBadInput() throws Exception {
        TempTarget t = Fixtures.vm(TempTarget.in(dir));
        RecordingRunner r = new RecordingRunner(t).onFailure("resize2fs", 1, "resize2fs: Bad magic number");
        assertThrows(ModuleException.class, () -> new ResizefsModule().run(
                TestModuleContext.builder("resizefs").target(t).runner(r).build()));
        ConfigException e = assertThrows(ConfigException.class, () -> new ResizefsModule().run(
                TestModuleContext.builder("resizefs").config("resize_rootfs: sideways").target(t).build()));
        assertEquals("resize_rootfs", e.keyPath());
    }
}
