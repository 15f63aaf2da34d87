package io.nubis.cc.disks.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;

/**
 * The {@code swap} key: {@code filename} (default {@code /swap.img}), {@code size} (bytes, a
 * human size or {@code auto}) and {@code maxsize}. An existing file is used as it is; otherwise
 * it is created with {@code fallocate -l <MiB>M} (on btrfs after {@code truncate -s 0} and
 * {@code chattr +C}; with {@code dd} on XFS before Linux 4.18 or when fallocate fails), made
 * 0600, and formatted with {@code mkswap}.
 */
final class SwapFile {
    private static final Pattern KERNEL = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Swap setup failed; the fstab entry is not added. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private SwapFile() {
    }

    /** Sets the swap file up if asked; its path for fstab, or null when no swap is wanted. */
    static String setup(ModuleContext ctx, Map<String, Object> cfg) throws Failure, IOException {
        if (cfg.isEmpty()) {
            return null;
        }
        String fname = cfg.get("filename") == null ? "/swap.img" : Values.asString("swap.filename", cfg.get("filename"));
        Object size = cfg.getOrDefault("size", 0);
        boolean auto = size instanceof String s && s.equalsIgnoreCase("auto");
        long bytes = auto || size == null ? 0 : SwapSize.bytes("swap.size", size);
        if (fname.isEmpty() || (!auto && bytes == 0)) {
            ctx.log().debug("no need to setup swap");
            return null;
        }
        if (!fname.startsWith("/") || fname.contains("/../") || fname.endsWith("/..") || fname.chars().anyMatch(c -> c <= ' ')) {
            throw new ConfigException("swap.filename", "'" + fname + "' must be an absolute path without blanks or '..'");
        }
        Long maxsize = cfg.get("maxsize") == null ? null : SwapSize.bytes("swap.maxsize", cfg.get("maxsize"));
        if (ctx.target().exists(fname)) {
            ctx.log().debug("swap file {} exists; used as it is", fname);
            return fname;
        }
        String dir = fname.substring(0, Math.max(1, fname.lastIndexOf('/')));
        ctx.target().mkdirs(dir, 0755);
        if (auto) {
            Optional<Long> mem = memTotal(ctx);
            if (mem.isEmpty()) {
                ctx.log().debug("Not creating swap: failed to read meminfo");
                return null;
            }
            bytes = SwapSize.suggest(mem.get(), maxsize, MountsModule.available(ctx, dir));
        }
        long mib = bytes / SwapSize.MB;
        if (mib == 0) {
            ctx.log().debug("Not creating swap: suggested size was 0");
            return null;
        }
        String fsType = MountTable.linux(ctx.target()).flatMap(t -> t.holding(dir)).map(MountTable.Mount::fsType).orElse("");
        try {
            if (fsType.equals("btrfs")) {
                ctx.runner().run(Command.of("truncate", "-s", "0", fname));
                ctx.runner().run(Command.of("chattr", "+C", fname));
            }
            Command dd = Command.of("dd", "if=/dev/zero", "of=" + fname, "bs=1M", "count=" + mib);
            if (fsType.equals("xfs") && oldKernel(ctx)) {
                ctx.runner().run(dd);
            } else {
                try {
                    ctx.runner().run(Command.of("fallocate", "-l", mib + "M", fname));
                } catch (CommandException e) {
                    ctx.log().info("fallocate swap creation failed, will attempt with dd: {}", e.getMessage());
                    ctx.target().delete(fname);
                    ctx.runner().run(dd);
                }
            }
            if (ctx.target().exists(fname)) {
                ctx.target().chmod(fname, 0600);
            }
            ctx.runner().run(Command.of("mkswap", fname));
        } catch (CommandException e) {
            if (ctx.target().exists(fname)) {
                ctx.target().delete(fname);
            }
            throw new Failure("creating swap file " + fname + " of " + mib + " MiB failed: " + e.getMessage());
        }
        return fname;
    }

    private static Optional<Long> memTotal(ModuleContext ctx) throws IOException {
        for (String line : ctx.target().readString("/proc/meminfo").orElse("").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].equals("MemTotal:") && f[1].matches("[0-9]+")) {
                long kb = Long.parseLong(f[1]);
                return Optional.of(f.length > 2 && f[2].equalsIgnoreCase("kB") ? kb * 1024 : kb);
            }
        }
        return Optional.empty();
    }

    private static boolean oldKernel(ModuleContext ctx) throws IOException {
        Matcher m = KERNEL.matcher(ctx.target().readString("/proc/sys/kernel/osrelease").orElse("").strip());
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major < 4 || (major == 4 && minor < 18);
    }
}
