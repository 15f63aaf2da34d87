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
 * {@code scripts_per_boot}: runs the executables of {@code <cloud_dir>/scripts/per-boot} on every boot
 * (user-data parts of type {@code text/x-shellscript-per-boot} land there).
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "scripts_per_boot", stage = "final", frequency = Frequency.ALWAYS_ID)
public final class ScriptsPerBootModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public ScriptsPerBootModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        RunParts.run(ctx, ctx.cloudDir() + "/scripts/per-boot", List.of());
    }
}
