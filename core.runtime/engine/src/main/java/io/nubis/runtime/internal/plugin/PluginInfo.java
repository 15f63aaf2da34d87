package io.nubis.runtime.internal.plugin;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * A plug-in as the runtime sees it before loading it: the namespace it belongs to, its name,
 * its service properties, ranking and bundle. Built from a {@link ServiceReference} only, so no
 * plug-in class is loaded.
 *
 * @param namespace  capability namespace ({@code nubis.module})
 * @param name       plug-in name ({@code runcmd})
 * @param ranking    {@code service.ranking}, 0 if absent
 * @param bundle     symbolic name of the providing bundle
 * @param properties all service properties
 * @param reference  the service reference, to get the service when it is used
 */
public record PluginInfo(String namespace, String name, int ranking, String bundle, Map<String, Object> properties,
        ServiceReference<?> reference) {

    static PluginInfo of(String namespace, ServiceReference<?> ref) {
        Map<String, Object> props = new TreeMap<>();
        for (String k : ref.getPropertyKeys()) {
            props.put(k, ref.getProperty(k));
        }
        Object r = ref.getProperty(Constants.SERVICE_RANKING);
        int ranking = r instanceof Integer i ? i : 0;
        return new PluginInfo(namespace, String.valueOf(ref.getProperty(namespace)), ranking,
                ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(), props, ref);
    }

    /** A string property, or the default. */
    public String string(String key, String dflt) {
        Object v = properties.get(key);
        return v == null ? dflt : String.valueOf(v);
    }

    /** A boolean property (Boolean or its text). */
    public boolean bool(String key) {
        Object v = properties.get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    /** A list property given as String[], a collection or a single value. */
    public List<String> list(String key) {
        Object v = properties.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String[] a) {
            return Arrays.asList(a);
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }
}
