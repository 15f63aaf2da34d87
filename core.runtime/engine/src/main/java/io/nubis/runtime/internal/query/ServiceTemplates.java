package io.nubis.runtime.internal.query;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Finds the {@code io.nubis.api.template.TemplateRenderer} service by class name, only when a
 * template has to be rendered, so neither the template engine nor its API is loaded otherwise
 * and this bundle needs no import of it.
 */
public final class ServiceTemplates {
    /** The service interface looked up. */
    public static final String SERVICE = "io.nubis.api.template.TemplateRenderer";

    private ServiceTemplates() {
    }

    /** The renderer of the running framework, if this bundle runs in one and the service is there. */
    public static Optional<TemplateRendering> lookup() {
        Bundle bundle = FrameworkUtil.getBundle(ServiceTemplates.class);
        BundleContext ctx = bundle == null ? null : bundle.getBundleContext();
        if (ctx == null) {
            return Optional.empty();
        }
        ServiceReference<?> ref = ctx.getServiceReference(SERVICE);
        if (ref == null) {
            return Optional.empty();
        }
        Object service = ctx.getService(ref);
        if (service == null) {
            return Optional.empty();
        }
        Method render = find(service.getClass());
        if (render == null) {
            return Optional.empty();
        }
        return Optional.of((template, vars) -> {
            try {
                return (String) render.invoke(service, template, vars);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                throw new IllegalStateException(String.valueOf(cause), cause);
            }
        });
    }

    private static Method find(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (SERVICE.equals(i.getName())) {
                    try {
                        return i.getMethod("render", String.class, Map.class);
                    } catch (NoSuchMethodException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
