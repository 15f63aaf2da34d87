package io.nubis.cc.bootcmd.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.target.FileAttributes;

/**
 * {@code bootcmd}: runs the {@code bootcmd} commands on every boot, early in the init stage, as
 * the reference's {@code cc_bootcmd}: the commands are shellified into a script, run with
 * {@code /bin/sh} and {@code INSTANCE_ID} in the environment; a non-zero exit fails the module.
 * The script is kept as {@code <cloud_dir>/instances/<iid>/scripts/bootcmd} (the reference uses
 * a temporary file) with mode 0600: not executable, so the {@code scripts_user} run of that
 * directory, which only runs executable files, never runs it a second time. Its output goes to
 * the console and {@code cloud-init-output.log}.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = BootcmdModule.NAME, stage = "network", frequency = Frequency.ALWAYS_ID,
        keys = {BootcmdModule.NAME}, schema = "schema/bootcmd.json")
public final class BootcmdModule implements ConfigModule {
    /** Module name and config key. */
    static final String NAME = "bootcmd";
    /** How long the script may run. */
    static final Duration TIMEOUT = Duration.ofHours(1);

    /** Stateless. */
    @Activate
    public BootcmdModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        if (!ctx.config().asMap().containsKey(NAME)) {
            ctx.log().debug("Skipping module named {}, no '{}' key in configuration", ctx.name(), NAME);
            return;
        }
        Shellify.Script script = Shellify.shellify(NAME, ctx.config().asMap().get(NAME));
        ctx.log().debug("Shellified {} commands.", script.commands());
        String path = scriptPath(ctx);
        try {
            ctx.target().writeString(path, script.text(), FileAttributes.PRIVATE);
        } catch (IOException e) {
            throw new ModuleException("bootcmd: cannot write " + path + ": " + e.getMessage(), e);
        }
        Command cmd = Command.of("/bin/sh", path).withTimeout(TIMEOUT);
        if (ctx.instanceId() != null) {
            cmd = cmd.withEnv("INSTANCE_ID", ctx.instanceId());
        }
        try {
            forward(ctx, ctx.runner().run(cmd));
        } catch (CommandException e) {
            if (e.result() != null) {
                forward(ctx, e.result());
            }
            throw new ModuleException("Failed to run bootcmd module " + ctx.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code <cloud_dir>/instances/<iid>/scripts/bootcmd}. */
    static String scriptPath(ModuleContext ctx) {
        return ctx.instanceDir() + "/scripts/bootcmd";
    }

    private static void forward(ModuleContext ctx, CommandResult r) {
        for (byte[] b : new byte[][] {r.stdout(), r.stderr()}) {
            String text = new String(b, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                continue;
            }
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            for (String line : text.split("\n", -1)) {
                ctx.console(line);
            }
        }
    }
}
