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
 * {@code scripts_per_instance}: runs the executables of {@code <cloud_dir>/scripts/per-instance} once per
 * instance.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "scripts_per_instance", stage = "final", frequency = Frequency.PER_INSTANCE_ID)
public final class ScriptsPerInstanceModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public ScriptsPerInstanceModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        RunParts.run(ctx, ctx.cloudDir() + "/scripts/per-instance", List.of());
    }
}
