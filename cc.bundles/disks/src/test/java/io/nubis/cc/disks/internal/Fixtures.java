package io.nubis.cc.disks.internal;

import io.nubis.testkit.TempTarget;

/** Seeds the Linux kernel's view of disks into a test target: mountinfo and sysfs. */
final class Fixtures {
    private Fixtures() {
    }

    /** A disk {@code disk} with partition {@code number} ({@code disk + suffix + number}) at {@code majMin}. */
    static TempTarget partition(TempTarget t, String disk, String part, String number, String majMin) {
        String devdir = "/sys/devices/pci0000:00/0000:00:04.0/block/" + disk;
        return t.file(devdir + "/" + part + "/partition", number + "\n")
                .file(devdir + "/size", "20971520\n")
                .link("/sys/class/block/" + disk, "../../devices/pci0000:00/0000:00:04.0/block/" + disk)
                .link("/sys/class/block/" + part, "../../devices/pci0000:00/0000:00:04.0/block/" + disk + "/" + part)
                .link("/sys/dev/block/" + majMin, "../../devices/pci0000:00/0000:00:04.0/block/" + disk + "/" + part)
                .link("/sys/block/" + disk, "../devices/pci0000:00/0000:00:04.0/block/" + disk)
                .file("/dev/" + part, "");
    }

    /** A mountinfo line for {@code /}. */
    static String rootLine(String majMin, String fsType, String source) {
        return "25 1 " + majMin + " / / rw,relatime shared:1 - " + fsType + " " + source + " rw\n";
    }

    /** A typical cloud VM: {@code /dev/vda1} (252:1) holding an ext4 root. */
    static TempTarget vm(TempTarget t) {
        return partition(t, "vda", "vda1", "1", "252:1")
                .file("/proc/self/mountinfo", "22 25 0:21 / /proc rw - proc proc rw\n" + rootLine("252:1", "ext4", "/dev/vda1"));
    }
}
