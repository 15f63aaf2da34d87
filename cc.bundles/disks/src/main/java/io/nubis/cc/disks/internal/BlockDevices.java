package io.nubis.cc.disks.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.target.PathEscapeException;

/**
 * Finds the block device under a mount point and, for a partition, its disk and number. Two
 * ways, chosen by {@code system_info.disks.block_devices}: {@code sysfs} (Linux:
 * {@code /proc/self/mountinfo}, then {@code /sys/dev/block/MAJ:MIN} or the device node, then
 * {@code /sys/class/block/<name>/partition} and the parent directory of the partition's sysfs
 * node) and {@code geom} (FreeBSD: {@code mount -p}, {@code glabel status -s} for labels, and
 * GPT provider names {@code <disk>p<N>}). Anything else (overlay or tmpfs roots, network
 * filesystems, device-mapper, whole disks, a missing {@code /dev/root}) is a {@link Skip}.
 */
final class BlockDevices {
    /** Filesystems that never sit on a partition of ours. */
    static final Set<String> VIRTUAL_FS = Set.of("overlay", "overlayfs", "tmpfs", "rootfs", "ramfs", "squashfs",
            "aufs", "nfs", "nfs4", "cifs", "smb3", "9p", "virtiofs", "fuse", "devtmpfs", "proc", "sysfs", "zfs");
    private static final Pattern GPT_PROVIDER = Pattern.compile("([a-z]+[0-9]+)p([0-9]+)");

    /** The mounted filesystem: device path, type, mount point and {@code major:minor} when known. */
    record Located(String device, String fsType, String mountPoint, String majMin) {
    }

    /** A partition: its device, its disk's device and its number on that disk. */
    record Partition(String device, String disk, String number) {
    }

    private final ModuleContext ctx;
    private final boolean geom;

    BlockDevices(ModuleContext ctx) {
        this.ctx = ctx;
        this.geom = "geom".equals(Support.diskFact(ctx, "block_devices", "sysfs"));
    }

    /** Whether devices are looked up the FreeBSD way. */
    boolean geom() {
        return geom;
    }

    /** The filesystem mounted at {@code mountPoint}. */
    Located locate(String mountPoint) throws Skip, IOException {
        MountTable table;
        if (geom) {
            CommandResult r;
            try {
                r = ctx.runner().run(Command.of("mount", "-p"));
            } catch (CommandException e) {
                throw new Skip("cannot list mounts with 'mount -p': " + e.getMessage());
            }
            if (!r.executed()) {
                throw new Skip("plan mode: the mount table is not read, so no device under " + mountPoint + " is known");
            }
            table = MountTable.parseFstabLike(r.out());
        } else {
            table = MountTable.linux(ctx.target()).orElseThrow(() -> new Skip(
                    "the target has no /proc/self/mountinfo or /proc/mounts (a chroot without /proc?)"));
        }
        MountTable.Mount m = table.at(mountPoint).orElseThrow(() -> new Skip("nothing is mounted at " + mountPoint));
        if (VIRTUAL_FS.contains(m.fsType()) || !m.source().startsWith("/dev/")) {
            throw new Skip(mountPoint + " is " + m.fsType() + " from '" + m.source() + "', not a partitionable block device");
        }
        return new Located(m.source(), m.fsType(), m.mountPoint(), m.majMin());
    }

    /** The partition behind a device; {@code majMin} may be null. */
    Partition partition(String device, String majMin) throws Skip, IOException {
        return geom ? geomPartition(device) : sysfsPartition(device, majMin);
    }

    private Partition sysfsPartition(String device, String majMin) throws Skip, IOException {
        String name = null;
        if (majMin != null && majMin.matches("[0-9]+:[0-9]+") && ctx.target().exists("/sys/dev/block/" + majMin)) {
            name = hostName("/sys/dev/block/" + majMin);
        } else if (ctx.target().exists(device)) {
            name = hostName(device);
        }
        if (name == null) {
            throw new Skip(device + " does not exist in the target" + ("/dev/root".equals(device)
                    ? " (/dev/root is missing and the kernel's major:minor is unknown)" : "")
                    + "; a container or chroot?");
        }
        String sys = "/sys/class/block/" + name;
        if (!ctx.target().exists(sys)) {
            throw new Skip(device + " (" + name + ") has no " + sys + ": not a block device the kernel knows here");
        }
        if (ctx.target().exists(sys + "/dm")) {
            throw new Skip(device + " is a device-mapper device (" + name + "; LVM, LUKS or multipath): not grown");
        }
        if (!ctx.target().exists(sys + "/partition")) {
            throw new Skip(device + " (" + name + ") is not a partition");
        }
        String number = ctx.target().readString(sys + "/partition").orElse("").strip();
        if (!number.matches("[0-9]+")) {
            throw new Skip(sys + "/partition does not hold a partition number");
        }
        Path node = ctx.target().resolve(sys);
        Path parent = node.getParent();
        String disk = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        if (disk == null || !ctx.target().exists("/sys/class/block/" + disk)) {
            throw new Skip("cannot find the disk holding " + name + " in sysfs");
        }
        return new Partition("/dev/" + name, "/dev/" + disk, number);
    }

    private String hostName(String targetPath) throws PathEscapeException {
        Path p = ctx.target().resolve(targetPath).getFileName();
        return p == null ? null : p.toString();
    }

    private Partition geomPartition(String device) throws Skip {
        String provider = device.startsWith("/dev/") ? device.substring(5) : device;
        if (!GPT_PROVIDER.matcher(provider).matches()) {
            CommandResult r;
            try {
                r = ctx.runner().run(Command.of("glabel", "status", "-s"));
            } catch (CommandException e) {
                throw new Skip("cannot resolve the label " + provider + " with glabel: " + e.getMessage());
            }
            for (String line : r.out().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals(provider)) {
                    provider = f[2];
                    break;
                }
            }
        }
        Matcher m = GPT_PROVIDER.matcher(provider);
        if (!m.matches()) {
            throw new Skip(device + " (" + provider + ") is not a GPT partition (<disk>p<N>)");
        }
        return new Partition("/dev/" + provider, "/dev/" + m.group(1), m.group(2));
    }

    /**
     * Resolves {@code /dev/root} from the kernel command line's {@code root=} when the node is
     * missing: {@code /dev/...}, {@code UUID=}, {@code PARTUUID=} or {@code LABEL=} through the
     * {@code /dev/disk/by-*} links. Other devices are returned unchanged.
     */
    String realRoot(String device) throws IOException {
        if (!"/dev/root".equals(device) || ctx.target().exists(device)) {
            return device;
        }
        String cmdline = ctx.target().readString("/proc/cmdline").orElse("");
        for (String tok : cmdline.trim().split("\\s+")) {
            if (!tok.startsWith("root=")) {
                continue;
            }
            String v = tok.substring(5);
            if (v.startsWith("/dev/")) {
                return v;
            }
            for (String[] kind : new String[][] {{"UUID=", "by-uuid"}, {"PARTUUID=", "by-partuuid"}, {"LABEL=", "by-label"}}) {
                if (v.startsWith(kind[0]) && !v.contains("/")) {
                    return "/dev/disk/" + kind[1] + "/" + v.substring(kind[0].length());
                }
            }
        }
        return device;
    }
}
