package io.nubis.cc.disks.internal;

import java.io.IOException;

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

/**
 * {@code resizefs}: grows the root filesystem to fill its device, by filesystem type:
 * {@code resize2fs DEV} (ext2/3/4), {@code xfs_growfs /}, {@code btrfs filesystem resize max /},
 * {@code growfs -y /} (UFS). {@code resize_rootfs: false} turns it off; {@code noblock} is
 * accepted and resizes in the foreground. Roots that are not block devices (containers,
 * overlay/tmpfs, a missing device node, ZFS) are skipped with an INFO line. Not idempotent in
 * the strict sense: the resize command runs on every boot (a no-op when nothing grew).
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = ResizefsModule.NAME, stage = "network", frequency = Frequency.ALWAYS_ID,
        idempotent = false, after = {"growpart"}, schema = "schema/resizefs.json")
public final class ResizefsModule implements ConfigModule {
    static final String NAME = "resizefs";

    /** Stateless. */
    @Activate
    public ResizefsModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Object v = ctx.config().get("resize_rootfs").orElse(Boolean.TRUE);
        boolean noblock = "noblock".equals(v);
        if (!noblock && !Values.asBoolean("resize_rootfs", v)) {
            ctx.log().debug("Skipping module named {}, resizing disabled", ctx.name());
            return;
        }
        if (v instanceof String s && !noblock && !s.matches("(?i)true|yes|on|1|y")) {
            throw new ConfigException("resize_rootfs", "must be true, false or noblock, not '" + s + "'");
        }
        if (noblock) {
            ctx.log().info("resize_rootfs: noblock: resizing in the foreground");
        }
        String marker = Support.containerMarker(ctx);
        if (marker != null) {
            ctx.log().info("resizefs: running in a container ({} exists): not resizing the root filesystem", marker);
            return;
        }
        BlockDevices blocks = new BlockDevices(ctx);
        try {
            BlockDevices.Located root = blocks.locate("/");
            String device = blocks.realRoot(root.device());
            if (!blocks.geom() && !ctx.target().exists(device)) {
                throw new Skip("device " + device + " does not exist in the target (container or chroot?)");
            }
            Command cmd = command(root.fsType(), device, root.mountPoint());
            ctx.log().debug("Resizing {} ({}) using {}", root.mountPoint(), root.fsType(), cmd.display());
            ctx.runner().run(cmd);
            ctx.log().info("Resized root filesystem (type={}, val={})", root.fsType(), noblock ? "noblock" : "true");
        } catch (Skip s) {
            ctx.log().info("resizefs: skipping /: {}", s.getMessage());
        } catch (CommandException e) {
            throw new ModuleException("resizefs: resizing / failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModuleException("resizefs: cannot read the mount table: " + e.getMessage(), e);
        }
    }

    /** The resize command for a filesystem type. */
    static Command command(String fsType, String device, String mountPoint) throws Skip {
        switch (fsType) {
            case "ext2": case "ext3": case "ext4":
                return Command.of("resize2fs", device);
            case "xfs":
                return Command.of("xfs_growfs", mountPoint);
            case "btrfs":
                return Command.of("btrfs", "filesystem", "resize", "max", mountPoint);
            case "ufs": case "ffs":
                return Command.of("growfs", "-y", mountPoint);
            default:
                throw new Skip("not resizing unknown filesystem type " + fsType);
        }
    }
}
