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
 * {@code scripts_per_once}: runs the executables of {@code <cloud_dir>/scripts/per-once} once for the
 * life of the image.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "scripts_per_once", stage = "final", frequency = Frequency.ONCE_ID)
public final class ScriptsPerOnceModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public ScriptsPerOnceModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        RunParts.run(ctx, ctx.cloudDir() + "/scripts/per-once", List.of());
    }
}
