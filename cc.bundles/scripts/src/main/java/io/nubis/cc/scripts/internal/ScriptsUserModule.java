package io.nubis.cc.scripts.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code scripts_user}: runs the executables of {@code <instance dir>/scripts}: the user-data
 * shell scripts and {@code runcmd} (written there, 0700, by the runcmd module).
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "scripts_user", stage = "final", frequency = Frequency.PER_INSTANCE_ID)
public final class ScriptsUserModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public ScriptsUserModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        RunParts.run(ctx, ctx.instanceDir() + "/scripts", List.of());
    }
}
