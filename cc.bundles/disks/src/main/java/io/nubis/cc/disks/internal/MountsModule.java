package io.nubis.cc.disks.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.target.FileAttributes;

/**
 * {@code mounts}, as the reference's module: the cloud-config entries of {@code /etc/fstab}
 * (those carrying {@code comment=cloudconfig}) are replaced by {@code mounts} plus the default
 * {@code ephemeral0} and {@code swap} entries, with short names normalised ({@code sdb} →
 * {@code /dev/sdb}, or its first partition), metadata names ({@code ephemeral0}, {@code swap},
 * {@code ebsN}) mapped through the metadata's {@code block-device-mapping}, devices that do not
 * exist dropped from the defaults, missing fields filled from {@code mount_default_fields}, and
 * an entry whose mount point is null removing that device. A {@code swap} file is created
 * (fallocate, else dd; then mkswap) when it does not exist. Then {@code swapon -a}, and
 * {@code mount -a} (plus {@code systemctl daemon-reload} under systemd) when fstab changed or a
 * mount point is not mounted.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = MountsModule.NAME, stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = false, after = {"disk_setup"}, schema = "schema/mounts.json")
public final class MountsModule implements ConfigModule {
    static final String NAME = "mounts";
    static final String FSTAB = "/etc/fstab";
    static final String MNT_COMMENT = "comment=cloudconfig";
    private static final Pattern DEVICE_NAME = Pattern.compile("^(x?[shv]d[a-z][0-9]*|sr[0-9]+)$");
    private static final Pattern NETWORK_NAME = Pattern.compile("^.+:.*");
    private static final Pattern SAFE_FIELD = Pattern.compile("[^\\s#]+");

    /** Stateless. */
    @Activate
    public MountsModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        boolean systemd = ctx.target().isDirectory("/run/systemd/system");
        String defaultOptions = systemd ? "defaults,nofail,x-systemd.after=cloud-init-network.service,_netdev"
                : "defaults,nobootwait";
        List<String> defaults = defaultFields(ctx, defaultOptions);
        List<Object> mounts = ctx.config().list("mounts");
        Map<String, Object> aliases = ctx.config().map("device_aliases");
        List<String> failures = new ArrayList<>();
        try {
            List<String> kept = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Map<String, String> fstabDevs = new LinkedHashMap<>();
            for (String line : ctx.target().readString(FSTAB).orElse("").split("\n")) {
                if (line.contains(MNT_COMMENT)) {
                    removed.add(line);
                } else if (!line.isBlank()) {
                    fstabDevs.put(line.trim().split("\\s+")[0], line);
                    kept.add(line);
                }
            }
            List<String[]> entries = new ArrayList<>();
            for (int i = 0; i < mounts.size(); i++) {
                String path = "mounts[" + i + "]";
                if (!(mounts.get(i) instanceof List<?> raw)) {
                    ctx.log().warn("Mount option not a list, ignoring: {}", mounts.get(i));
                    continue;
                }
                if (raw.isEmpty() || raw.get(0) == null) {
                    throw new ConfigException(path, "the first field (the device) is missing");
                }
                List<String> line = new ArrayList<>();
                for (int j = 0; j < raw.size(); j++) {
                    line.add(raw.get(j) == null ? (j < defaults.size() ? defaults.get(j) : null)
                            : field(path + "[" + j + "]", raw.get(j)));
                }
                String start = line.get(0);
                String sanitized = sanitize(ctx, start, aliases);
                if (valid(ctx, start, sanitized, fstabDevs)) {
                    line.set(0, sanitized);
                }
                for (int j = line.size(); j < defaults.size(); j++) {
                    line.add(defaults.get(j));
                }
                entries.add(line.toArray(new String[0]));
            }
            for (String[] def : List.of(new String[] {"ephemeral0", "/mnt", "auto", defaultOptions, "0", "2"},
                    new String[] {"swap", "none", "swap", "sw", "0", "0"})) {
                String sanitized = sanitize(ctx, def[0], aliases);
                if (!valid(ctx, def[0], sanitized, fstabDevs)) {
                    continue;
                }
                if (entries.stream().anyMatch(e -> e[0].equals(sanitized))) {
                    ctx.log().debug("Not including {}, already previously included", def[0]);
                    continue;
                }
                def[0] = sanitized;
                entries.add(def);
            }
            entries = removeNonexistent(ctx, entries);
            List<String[]> actual = new ArrayList<>();
            for (String[] e : entries) {
                String[] c = e.clone();
                c[3] = c[3] + "," + MNT_COMMENT;
                actual.add(c);
            }
            try {
                String swapfile = SwapFile.setup(ctx, ctx.config().map("swap"));
                if (swapfile != null) {
                    // marked too (the reference leaves it unmarked, so a rerun adds it again)
                    actual.add(new String[] {swapfile, "none", "swap", "sw," + MNT_COMMENT, "0", "0"});
                }
            } catch (SwapFile.Failure f) {
                ctx.log().warn("failed to setup swap: {}", f.getMessage());
                failures.add("swap: " + f.getMessage());
            }
            if (actual.isEmpty()) {
                ctx.log().debug("No modifications to fstab needed");
                finish(failures);
                return;
            }
            List<String> cfgLines = new ArrayList<>();
            List<String> dirs = new ArrayList<>();
            for (String[] e : actual) {
                cfgLines.add(String.join("\t", e));
                if (e[1].startsWith("/")) {
                    dirs.add(e[1]);
                }
            }
            for (String d : dirs) {
                try {
                    ctx.target().mkdirs(d, 0755);
                } catch (IOException e) {
                    ctx.log().warn("Failed to make '{}' config-mount: {}", d, e.getMessage());
                }
            }
            List<String> adds = cfgLines.stream().map(l -> l.replace('\t', ' ')).toList();
            List<String> drops = removed.stream().map(l -> l.replace('\t', ' ')).toList();
            boolean changed = adds.stream().anyMatch(a -> !drops.contains(a)) || drops.stream().anyMatch(d -> !adds.contains(d));
            List<String> all = new ArrayList<>(kept);
            all.addAll(cfgLines);
            String content = String.join("\n", all) + "\n";
            if (!ctx.target().readString(FSTAB).filter(content::equals).isPresent()) {
                int mode = ctx.target().exists(FSTAB) ? ctx.target().mode(FSTAB) : 0644;
                ctx.target().writeString(FSTAB, content, FileAttributes.mode(mode));
            }
            ctx.log().debug(changed ? "Changes to fstab: +{} -{}" : "No changes to /etc/fstab made.", adds, drops);
            if (actual.stream().anyMatch(e -> e[2].equals("swap"))) {
                run(ctx, Command.of("swapon", "-a"), failures);
            }
            boolean doMount = changed;
            if (!doMount) {
                Optional<MountTable> table = MountTable.linux(ctx.target());
                doMount = table.isEmpty() || !table.get().mountPoints().containsAll(dirs);
            }
            if (doMount) {
                run(ctx, Command.of("mount", "-a"), failures);
                if (systemd) {
                    run(ctx, Command.of("systemctl", "daemon-reload"), failures);
                }
            }
        } catch (IOException e) {
            throw new ModuleException("mounts: cannot update " + FSTAB + ": " + e.getMessage(), e);
        }
        finish(failures);
    }

    private static void finish(List<String> failures) throws ModuleException {
        if (!failures.isEmpty()) {
            throw new ModuleException("mounts: " + String.join("; ", failures));
        }
    }

    private static void run(ModuleContext ctx, Command c, List<String> failures) {
        try {
            ctx.runner().run(c);
        } catch (CommandException e) {
            ctx.log().warn("{} failed: {}", c.display(), e.getMessage());
            failures.add(c.display() + ": " + e.getMessage());
        }
    }

    /** {@code mount_default_fields} (six fields, null allowed) or the built-in defaults. */
    private static List<String> defaultFields(ModuleContext ctx, String defaultOptions) {
        if (!ctx.config().has("mount_default_fields")) {
            return Arrays.asList(null, null, "auto", defaultOptions, "0", "2");
        }
        List<Object> v = ctx.config().list("mount_default_fields");
        if (v.size() != 6) {
            throw new ConfigException("mount_default_fields", "expected 6 fields, got " + v.size());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(v.get(i) == null ? null : field("mount_default_fields[" + i + "]", v.get(i)));
        }
        return out;
    }

    /** One fstab field: a scalar without blanks (an fstab line is split on them). */
    private static String field(String path, Object v) {
        String s = v instanceof Boolean b ? (b ? "True" : "False") : Values.asString(path, v);
        if (!SAFE_FIELD.matcher(s).matches() || s.startsWith("#")) {
            throw new ConfigException(path, "'" + s + "' cannot be an fstab field (empty, blanks or '#')");
        }
        return s;
    }

    private static boolean valid(ModuleContext ctx, String original, String sanitized, Map<String, String> fstabDevs) {
        if (sanitized == null) {
            ctx.log().debug("Ignoring nonexistent default named mount {}", original);
            return false;
        }
        if (fstabDevs.containsKey(sanitized)) {
            ctx.log().debug("Device {} already defined in fstab: {}", sanitized, fstabDevs.get(sanitized));
            return false;
        }
        return true;
    }

    /** Drops entries with a null mount point, and earlier entries for the same device. */
    private static List<String[]> removeNonexistent(ModuleContext ctx, List<String[]> entries) {
        List<String[]> out = new ArrayList<>();
        List<String> deny = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            String[] e = entries.get(i);
            if (e[1] == null || deny.contains(e[0])) {
                ctx.log().debug("Skipping nonexistent device named {}", e[0]);
                deny.add(e[0]);
            } else {
                for (int j = 0; j < e.length; j++) {
                    if (e[j] == null) {
                        throw new ConfigException("mount_default_fields[" + j + "]", "is null but mount entry for "
                                + e[0] + " has no value for it");
                    }
                }
                out.add(0, e);
            }
        }
        return out;
    }

    /** The reference's device-name normalisation; null when the device cannot be found. */
    static String sanitize(ModuleContext ctx, String start, Map<String, Object> aliases) {
        String devname = start.equals("ephemeral") ? "ephemeral0" : start;
        if (NETWORK_NAME.matcher(start).matches()) {
            return start;
        }
        String device = devname;
        String part = null;
        int dot = devname.lastIndexOf('.');
        if (dot >= 0) {
            device = devname.substring(0, dot);
            part = devname.substring(dot + 1);
        }
        if (aliases.get(device) instanceof String alias) {
            device = alias;
        }
        if (isMetaName(device)) {
            device = metadataDevice(ctx, device);
            if (device == null) {
                return null;
            }
            if (!device.startsWith("/")) {
                device = "/dev/" + device;
            }
        } else if (DEVICE_NAME.matcher(start).matches()) {
            device = "/dev/" + device;
        }
        if (!device.startsWith("/") || device.contains("/../")) {
            return null;
        }
        String partition = nthPartition(ctx, device, part == null ? "1" : part);
        if (part != null && partition == null) {
            return null;
        }
        String sys = "/sys/block/" + realName(ctx, device);
        if (partition != null) {
            sys += "/" + realName(ctx, partition);
        }
        if (ctx.target().exists(sys)) {
            return partition != null ? partition : device;
        }
        return null;
    }

    private static boolean isMetaName(String name) {
        if (name.equals("ami") || name.equals("root") || name.equals("swap")) {
            return true;
        }
        return (name.startsWith("ephemeral") || name.startsWith("ebs")) && !name.contains(":");
    }

    /** The metadata's {@code block-device-mapping} entry for a name, trying xvd/vd spellings of sd names. */
    @SuppressWarnings("unchecked")
    private static String metadataDevice(ModuleContext ctx, String name) {
        Object ds = ctx.instanceData().get("ds");
        Object bdm = null;
        if (ds instanceof Map<?, ?> d) {
            for (String k : List.of("meta_data", "meta-data")) {
                if (d.get(k) instanceof Map<?, ?> md && md.get("block-device-mapping") != null) {
                    bdm = md.get("block-device-mapping");
                }
            }
        }
        if (!(bdm instanceof Map<?, ?> map) || !(map.get(name) instanceof String mapped) || mapped.isBlank()) {
            return null;
        }
        String dev = mapped.startsWith("/") ? mapped : "/dev/" + mapped;
        if (!ctx.target().exists(dev) && dev.startsWith("/dev/sd")) {
            for (String alt : List.of("/dev/xvd", "/dev/vd")) {
                String candidate = alt + dev.substring("/dev/sd".length());
                if (ctx.target().exists(candidate)) {
                    return candidate;
                }
            }
        }
        return dev;
    }

    private static String nthPartition(ModuleContext ctx, String device, String n) {
        for (String suffix : List.of(n, "p" + n, "-part" + n)) {
            if (ctx.target().exists(device + suffix)) {
                return device + suffix;
            }
        }
        return null;
    }

    private static String realName(ModuleContext ctx, String device) {
        try {
            Path p = ctx.target().resolve(device).getFileName();
            return p == null ? "" : p.toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** Free bytes of the filesystem holding a target directory, or -1. */
    static long available(ModuleContext ctx, String dir) {
        try {
            return Files.getFileStore(ctx.target().resolve(dir)).getUnallocatedSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
