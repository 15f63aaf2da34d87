package io.nubis.cc.disks.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code growpart}: grows the partitions under {@code growpart.devices} (mount points or device
 * paths, default {@code /}) to fill their disks. {@code mode: auto} uses the distro's
 * {@code system_info.disks.partition_resizer} ({@code growpart} on Linux, {@code gpart} on
 * FreeBSD), falling back to the other tool when it is missing; {@code growpart} runs a
 * {@code --dry-run} first and does nothing on {@code NOCHANGE}, so reruns change nothing;
 * {@code gpart} runs {@code recover} then {@code resize -i N}. {@code /etc/growroot-disabled}
 * turns it off unless {@code ignore_growroot_disabled}. Devices that are not partitions
 * (containers, overlay/tmpfs roots, device-mapper, whole disks) are skipped with an INFO line.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = GrowpartModule.NAME, stage = "network", frequency = Frequency.ALWAYS_ID,
        idempotent = true, schema = "schema/growpart.json")
public final class GrowpartModule implements ConfigModule {
    static final String NAME = "growpart";
    static final String DISABLED_FILE = "/etc/growroot-disabled";

    /** Stateless. */
    @Activate
    public GrowpartModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Map<String, Object> cfg = ctx.config().map("growpart");
        Object modeValue = cfg.getOrDefault("mode", "auto");
        String mode = modeValue instanceof Boolean b ? (b ? "auto" : "off") : Values.asString("growpart.mode", modeValue);
        if (!List.of("auto", "growpart", "gpart", "off").contains(mode)) {
            throw new ConfigException("growpart.mode", "must be auto, growpart, gpart or off, not '" + mode + "'");
        }
        if (mode.equals("off")) {
            ctx.log().debug("growpart disabled: mode=off");
            return;
        }
        boolean ignoreDisabled = cfg.get("ignore_growroot_disabled") != null
                && Values.asBoolean("growpart.ignore_growroot_disabled", cfg.get("ignore_growroot_disabled"));
        if (!ignoreDisabled && ctx.target().exists(DISABLED_FILE)) {
            ctx.log().info("growpart disabled: {} exists", DISABLED_FILE);
            return;
        }
        List<String> devices = new ArrayList<>();
        List<Object> list = cfg.containsKey("devices") ? Values.asList("growpart.devices", cfg.get("devices")) : List.of("/");
        for (int i = 0; i < list.size(); i++) {
            String d = Values.asString("growpart.devices[" + i + "]", list.get(i));
            if (!d.startsWith("/") || d.contains("\0") || d.contains("\n")) {
                throw new ConfigException("growpart.devices[" + i + "]", "must be an absolute mount point or device path");
            }
            devices.add(d);
        }
        String marker = Support.containerMarker(ctx);
        if (marker != null) {
            ctx.log().info("growpart: running in a container ({} exists): partitions are not ours to grow", marker);
            return;
        }
        String tool = tool(ctx, mode);
        if (tool == null) {
            ctx.log().info("growpart: neither 'growpart' nor 'gpart' is installed; nothing grown");
            return;
        }
        BlockDevices blocks = new BlockDevices(ctx);
        List<String> failures = new ArrayList<>();
        for (String d : devices) {
            try {
                BlockDevices.Partition p;
                if (d.startsWith("/dev/")) {
                    p = blocks.partition(blocks.realRoot(d), null);
                } else {
                    BlockDevices.Located loc = blocks.locate(d);
                    p = blocks.partition(blocks.realRoot(loc.device()), loc.majMin());
                }
                grow(ctx, tool, d, p);
            } catch (Skip s) {
                ctx.log().info("growpart: skipping {}: {}", d, s.getMessage());
            } catch (CommandException e) {
                ctx.log().warn("growpart: resizing {} failed: {}", d, e.getMessage());
                failures.add(d + ": " + e.getMessage());
            } catch (IOException e) {
                failures.add(d + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new ModuleException("growpart: " + String.join("; ", failures));
        }
    }

    private static String tool(ModuleContext ctx, String mode) {
        if (!mode.equals("auto")) {
            return mode;
        }
        String preferred = Support.diskFact(ctx, "partition_resizer", "growpart");
        String other = preferred.equals("gpart") ? "growpart" : "gpart";
        if (ctx.runner().which(preferred).isPresent()) {
            return preferred;
        }
        return ctx.runner().which(other).isPresent() ? other : null;
    }

    private static void grow(ModuleContext ctx, String tool, String what, BlockDevices.Partition p) throws CommandException {
        if (tool.equals("growpart")) {
            CommandResult dry = ctx.runner().run(Command.of("growpart", "--dry-run", p.disk(), p.number()).okOn(1));
            if (dry.exitCode() == 1) {
                if (dry.out().contains("NOCHANGE")) {
                    ctx.log().info("growpart: '{}' ({}) NOCHANGE: the partition already fills the disk", what, p.device());
                    return;
                }
                throw new CommandException("growpart --dry-run " + p.disk() + " " + p.number() + " failed: "
                        + (dry.out() + dry.err()).strip(), dry);
            }
            ctx.runner().run(Command.of("growpart", p.disk(), p.number()));
        } else {
            ctx.runner().run(Command.of("gpart", "recover", p.disk()).okOn(1));
            ctx.runner().run(Command.of("gpart", "resize", "-i", p.number(), p.disk()));
        }
        ctx.log().info("'{}' resized: {} partition {} grown with {}", what, p.disk(), p.number(), tool);
    }
}
