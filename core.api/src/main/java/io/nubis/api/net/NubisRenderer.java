package io.nubis.api.net;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

import io.nubis.api.capability.Namespaces;

/**
 * Declares a network renderer once: applied to a {@link NetworkRenderer} DS component, it becomes
 * the bundle's {@code nubis.netrenderer} capability (read by the bnd resolver) and the component's
 * service properties, from which the engine decides whether the renderer is available in the
 * target without loading its classes.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
@Capability(namespace = Namespaces.NET_RENDERER)
public @interface NubisRenderer {
    /** The renderer's name as in {@code system_info.network.renderers} ({@code eni}); property {@code nubis.netrenderer}. */
    @Attribute("nubis.netrenderer")
    String nubis_netrenderer();

    /** Commands that must all be found in the target's {@code /sbin}, {@code /usr/sbin}, {@code /bin} or {@code /usr/bin}. */
    @Attribute("probe.commands")
    String[] probe_commands() default {};

    /** Target files that must all exist. */
    @Attribute("probe.files")
    String[] probe_files() default {};
}
