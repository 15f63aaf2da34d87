package io.nubis.cc.scripts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.Values;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code scripts_vendor}: runs the executables of {@code <instance dir>/scripts/vendor} (the
 * vendor-data scripts) once per instance, each behind {@code vendor_data.prefix}: a string is one
 * word, a list is the words (for example {@code [/usr/bin/ltrace, -c]}).
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "scripts_vendor", stage = "final", frequency = Frequency.PER_INSTANCE_ID,
        schema = "schema/scripts_vendor.json")
public final class ScriptsVendorModule implements ConfigModule {
    /** Stateless. */
    @Activate
    public ScriptsVendorModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        RunParts.run(ctx, ctx.instanceDir() + "/scripts/vendor", prefix(ctx));
    }

    /** {@code vendor_data.prefix} as words. */
    static List<String> prefix(ModuleContext ctx) {
        Map<String, Object> vd = Values.asMap("vendor_data", ctx.config().asMap().get("vendor_data"));
        Object p = vd.get("prefix");
        if (p == null) {
            return List.of();
        }
        if (p instanceof String s) {
            return s.isEmpty() ? List.of() : List.of(s);
        }
        if (p instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(Values.asString("vendor_data.prefix[" + i + "]", l.get(i)));
            }
            return out;
        }
        throw new io.nubis.api.config.ConfigException("vendor_data.prefix",
                "expected a string or a list of strings, got " + Values.typeName(p));
    }
}
