package io.nubis.runtime.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * Collects the schema fragments of the assembly's modules: for each selected module, the bundle
 * resource named by its {@code schema} service property, read with {@code Bundle.getEntry} (no
 * module class is loaded), plus its declared {@code keys}.
 */
public final class SchemaSources {
    /** Largest fragment read. */
    static final int MAX_FRAGMENT = 4 * 1024 * 1024;

    private SchemaSources() {
    }

    /** The fragments of every selected module (overridden modules are left out). */
    public static List<SchemaFragment> fromModules(PluginCatalog catalog) {
        List<SchemaFragment> out = new ArrayList<>();
        for (PluginInfo module : catalog.selected(Namespaces.MODULE).values()) {
            out.add(fragment(module));
        }
        return out;
    }

    static SchemaFragment fragment(PluginInfo module) {
        String resource = module.string(Attributes.SCHEMA, "");
        List<String> keys = module.list(Attributes.KEYS);
        Bundle bundle = module.reference().getBundle();
        String bsn = bundle == null ? module.bundle() : bundle.getSymbolicName();
        if (resource.isEmpty()) {
            return new SchemaFragment(bsn + " (module " + module.name() + ", no schema)", null, keys, null);
        }
        String source = bsn + "!/" + (resource.startsWith("/") ? resource.substring(1) : resource);
        if (bundle == null) {
            return new SchemaFragment(source, null, keys, "the bundle is gone");
        }
        URL entry = bundle.getEntry(resource);
        if (entry == null) {
            return new SchemaFragment(source, null, keys, "no such resource in the bundle");
        }
        try (InputStream in = entry.openStream()) {
            byte[] data = in.readNBytes(MAX_FRAGMENT + 1);
            if (data.length > MAX_FRAGMENT) {
                return new SchemaFragment(source, null, keys, "larger than " + MAX_FRAGMENT + " bytes");
            }
            return new SchemaFragment(source, new String(data, StandardCharsets.UTF_8), keys, null);
        } catch (IOException e) {
            return new SchemaFragment(source, null, keys, e.getMessage());
        }
    }
}
