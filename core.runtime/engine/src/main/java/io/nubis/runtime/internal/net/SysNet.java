package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.target.TargetRoot;

/**
 * The target's network devices as {@code /sys/class/net} shows them: names, MAC addresses, link
 * state, kind and driver. Every read is forgiving: a missing or unreadable attribute (a down
 * device's {@code carrier} raises EINVAL) is absent, never an error.
 */
public final class SysNet {
    static final String CLASS_NET = "/sys/class/net";

    private final TargetRoot target;

    public SysNet(TargetRoot target) {
        this.target = target;
    }

    /** Device names, sorted; empty where there is no sysfs (a sandbox root). */
    public List<String> devices() {
        try {
            return target.list(CLASS_NET);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The lower-case MAC address, if the device has one. */
    public Optional<String> mac(String dev) {
        return attr(dev, "address").map(a -> a.toLowerCase(Locale.ROOT))
                .filter(a -> !a.isEmpty() && !a.equals("00:00:00:00:00:00"));
    }

    /** A numeric attribute ({@code carrier}, {@code dormant}) as true when it is non-zero. */
    public boolean flag(String dev, String name) {
        return attr(dev, name).map(v -> {
            try {
                return Integer.parseInt(v) != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }).orElse(false);
    }

    /** A text attribute, trimmed. */
    public Optional<String> attr(String dev, String name) {
        if (!safe(dev)) {
            return Optional.empty();
        }
        try {
            return target.readString(CLASS_NET + "/" + dev + "/" + name).map(String::strip);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True for a bridge. */
    public boolean isBridge(String dev) {
        return safe(dev) && target.exists(CLASS_NET + "/" + dev + "/bridge");
    }

    /** True for a bond master. */
    public boolean isBond(String dev) {
        return safe(dev) && target.exists(CLASS_NET + "/" + dev + "/bonding");
    }

    /** True for a VLAN device. */
    public boolean isVlan(String dev) {
        return attr(dev, "uevent").map(u -> u.lines().anyMatch("DEVTYPE=vlan"::equals)).orElse(false);
    }

    /** True for a device with no hardware behind it (no {@code device} link): dummy, veth, tun, macvlan... */
    public boolean isVirtual(String dev) {
        return !safe(dev) || !target.exists(CLASS_NET + "/" + dev + "/device");
    }

    /** The kernel driver's name, if the device has one. */
    public Optional<String> driver(String dev) {
        if (!safe(dev)) {
            return Optional.empty();
        }
        try {
            Path p = target.resolve(CLASS_NET + "/" + dev + "/device/driver");
            if (!Files.exists(p)) {
                return Optional.empty();
            }
            Path name = p.toRealPath().getFileName();
            return Optional.ofNullable(name).map(Path::toString);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** MAC address to device name, for every device that has a MAC (the first name wins). */
    public Map<String, String> macToName() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String d : devices()) {
            if (d.equals("lo")) {
                continue;
            }
            mac(d).ifPresent(m -> out.putIfAbsent(m, d));
        }
        return out;
    }

    /** Names of the devices that are neither lo nor virtual. */
    public List<String> physical() {
        List<String> out = new ArrayList<>();
        for (String d : devices()) {
            if (!d.equals("lo") && !isVirtual(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean safe(String dev) {
        return dev != null && !dev.isEmpty() && !dev.contains("/") && !dev.equals(".") && !dev.equals("..");
    }
}
