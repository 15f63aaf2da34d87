package io.nubis.ds.nocloud.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;

import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.target.TargetRoot;

/**
 * Reads the first labelled volume ({@code cidata} or {@code CIDATA} by default) that holds a
 * valid seed. A volume that is already mounted is read where it is; any other is mounted
 * read-only as vfat or iso9660 on a private directory under the run directory, read, and
 * unmounted. Without root, or in plan mode, volumes are skipped with a message.
 */
final class CidataVolumes {
    /** Filesystem types a seed volume may have, as one {@code mount -t} list. */
    static final String FS_TYPES = "vfat,iso9660";
    /** How long a mount or unmount may take (optical drives spin up). */
    static final Duration MOUNT_TIMEOUT = Duration.ofMinutes(2);

    private final DatasourceContext ctx;
    private final BooleanSupplier isRoot;
    private final Logger log;

    CidataVolumes(DatasourceContext ctx, BooleanSupplier isRoot) {
        this.ctx = ctx;
        this.isRoot = isRoot;
        this.log = ctx.log();
    }

    /** The labels searched for {@code label}: upper case, lower case and as written. */
    static String[] labels(String label) {
        LinkedHashSet<String> l = new LinkedHashSet<>();
        l.add(label.toUpperCase(Locale.ROOT));
        l.add(label.toLowerCase(Locale.ROOT));
        l.add(label);
        return l.toArray(String[]::new);
    }

    /** The seed of the first valid volume with the label, its device as origin. */
    Optional<SeedPart> read(String label) throws DatasourceException {
        List<String> devices = new ArrayList<>(new LinkedHashSet<>(ctx.devicesWithLabel(labels(label))));
        devices.sort(Comparator.reverseOrder());
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> mounted = mountTable();
        for (String dev : devices) {
            SeedFiles seed;
            if (mounted.containsKey(dev)) {
                seed = SeedFiles.read(ctx.target(), mounted.get(dev), dev);
            } else if (ctx.runner().planMode()) {
                log.info("NoCloud: not mounting {} (label {}) in plan mode; its seed is not read", dev, label);
                continue;
            } else if (!isRoot.getAsBoolean()) {
                log.warn("NoCloud: {} has label {} but mounting it needs root; its seed is not read", dev, label);
                continue;
            } else {
                seed = mountAndRead(dev);
                if (seed == null) {
                    continue;
                }
            }
            if (!seed.complete()) {
                log.warn("NoCloud: device {} with label={} is not a valid seed (missing {})", dev, label,
                        String.join(", ", seed.missing()));
                continue;
            }
            log.debug("NoCloud: using data from {}", dev);
            return Optional.of(SeedPart.of(dev, seed));
        }
        return Optional.empty();
    }

    /** Mounts, reads and unmounts; null if it could not be mounted. */
    private SeedFiles mountAndRead(String dev) throws DatasourceException {
        TargetRoot target = ctx.target();
        String mp;
        try {
            mp = mountPoint(target);
        } catch (IOException e) {
            log.warn("NoCloud: cannot create a mount point for {}: {}", dev, e.getMessage());
            return null;
        }
        boolean mountedHere = false;
        try {
            try {
                ctx.runner().run(Command.of("mount", "-o", "ro", "-t", FS_TYPES, dev, mp).withTimeout(MOUNT_TIMEOUT));
                mountedHere = true;
            } catch (CommandException e) {
                log.warn("NoCloud: failed to mount {} when looking for data: {}", dev, e.getMessage());
                return null;
            }
            return SeedFiles.read(target, mp, dev);
        } finally {
            boolean clean = true;
            if (mountedHere) {
                try {
                    ctx.runner().run(Command.of("umount", mp).withTimeout(MOUNT_TIMEOUT));
                } catch (CommandException e) {
                    clean = false;
                    log.error("NoCloud: failed to unmount {} from {}: {}", dev, mp, e.getMessage());
                }
            }
            if (clean) {
                try {
                    target.delete(mp);
                } catch (IOException e) {
                    log.warn("NoCloud: cannot remove mount point {}: {}", mp, e.getMessage());
                }
            }
        }
    }

    /** A new private directory under the run directory. */
    private static String mountPoint(TargetRoot target) throws IOException {
        String base = target.isDirectory("/run") ? "/run/cloud-init/tmp" : "/var/run/cloud-init/tmp";
        target.mkdirs(base, 0700);
        String mp;
        do {
            mp = base + "/nocloud-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        } while (target.exists(mp));
        target.mkdirs(mp, 0700);
        return mp;
    }

    /** Device to mount point from the target's {@code /proc/mounts}, empty if unavailable. */
    private Map<String, String> mountTable() {
        Map<String, String> table = new HashMap<>();
        try {
            if (!ctx.target().exists("/proc/mounts")) {
                return table;
            }
            String text = new String(ctx.target().read("/proc/mounts"), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[0].startsWith("/") && f[1].startsWith("/")) {
                    table.putIfAbsent(unescape(f[0]), unescape(f[1]));
                }
            }
        } catch (IOException e) {
            log.debug("NoCloud: cannot read /proc/mounts: {}", e.getMessage());
        }
        return table;
    }

    /** Undoes the octal escapes of /proc/mounts ({@code \040} for a space). */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
