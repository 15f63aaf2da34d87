package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a fake {@code /sys/class/net} under a test root. */
final class FakeSys {
    private final Path root;

    FakeSys(Path root) {
        this.root = root;
    }

    /** A device with a MAC, carrier and, if {@code driver} is not null, hardware behind it. */
    FakeSys nic(String name, String mac, String carrier, String operstate, String driver) {
        Path d = dir(name);
        write(d.resolve("address"), mac + "\n");
        if (carrier != null) {
            write(d.resolve("carrier"), carrier + "\n");
        }
        write(d.resolve("operstate"), operstate + "\n");
        write(d.resolve("uevent"), "INTERFACE=" + name + "\n");
        if (driver != null) {
            try {
                Path drv = root.resolve("sys/bus/pci/drivers/" + driver);
                Files.createDirectories(drv);
                Files.createDirectories(d.resolve("device"));
                Files.createSymbolicLink(d.resolve("device/driver"), d.resolve("device").relativize(drv));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Adds a marker sub-directory ({@code bridge}, {@code bonding}) or uevent line to a device. */
    FakeSys mark(String name, String what) {
        if (what.startsWith("DEVTYPE=")) {
            write(dir(name).resolve("uevent"), "INTERFACE=" + name + "\n" + what + "\n");
        } else {
            try {
                Files.createDirectories(dir(name).resolve(what));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    private Path dir(String name) {
        Path d = root.resolve("sys/class/net/" + name);
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
