package io.nubis.cc.runcmd.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import io.nubis.api.target.FileAttributes;

/**
 * {@code runcmd}: writes the {@code runcmd} commands as {@code <instance dir>/scripts/runcmd}
 * (mode 0700), shellified exactly as the reference does; {@code scripts_user} runs it in the final
 * stage. Idempotent: the same config gives the same bytes, and an unchanged file is not rewritten.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = RuncmdModule.NAME, stage = "config", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {RuncmdModule.NAME}, touches = Resources.SCRIPTS, schema = "schema/runcmd.json")
public final class RuncmdModule implements ConfigModule {
    /** Module name and config key. */
    static final String NAME = "runcmd";
    /** The script's mode. */
    static final int MODE = 0700;

    /** Stateless. */
    @Activate
    public RuncmdModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        if (!ctx.config().asMap().containsKey(NAME)) {
            ctx.log().debug("Skipping module named {}, no '{}' key in configuration", ctx.name(), NAME);
            return;
        }
        String path = ctx.instanceDir() + "/scripts/runcmd";
        String script = Shellify.shellify(NAME, ctx.config().asMap().get(NAME));
        try {
            byte[] bytes = script.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (ctx.target().exists(path) && !ctx.target().isDirectory(path) && ctx.target().mode(path) == MODE
                    && java.util.Arrays.equals(ctx.target().read(path), bytes)) {
                ctx.log().debug("{} is up to date", path);
                return;
            }
            ctx.target().write(path, bytes, FileAttributes.mode(MODE));
        } catch (IOException e) {
            throw new ModuleException("runcmd: failed to write the shellified commands into " + path + ": "
                    + e.getMessage(), e);
        }
        ctx.log().debug("Wrote the runcmd script to {}", path);
    }
}
