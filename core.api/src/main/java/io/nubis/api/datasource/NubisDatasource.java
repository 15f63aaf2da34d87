package io.nubis.api.datasource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

import io.nubis.api.capability.Namespaces;

/**
 * Declares a datasource once: the bundle's {@code nubis.datasource} capability and the DS
 * component's service properties, including the detection hints the runtime checks before any
 * datasource class is loaded.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
@Capability(namespace = Namespaces.DATASOURCE)
public @interface NubisDatasource {
    /** Name as in {@code datasource_list} ({@code NoCloud}). */
    @Attribute("nubis.datasource")
    String nubis_datasource();

    /** Stages it is searched in: {@code local}, {@code network}. */
    @Attribute("stage")
    String[] stage();

    /** Target paths whose existence suggests the datasource. */
    @Attribute("detect.files")
    String[] detect_files() default {};

    /** Filesystem labels that suggest it. */
    @Attribute("detect.labels")
    String[] detect_labels() default {};

    /** {@code field=glob} matched against /sys/class/dmi/id/field. */
    @Attribute("detect.dmi")
    String[] detect_dmi() default {};

    /** Globs matched against kernel command line words. */
    @Attribute("detect.cmdline")
    String[] detect_cmdline() default {};

    /** Always a candidate (the None fallback, or config-driven sources). */
    @Attribute("detect.always")
    boolean detect_always() default false;

    /**
     * Update events of the network scope the datasource supports, the reference's
     * {@code supported_update_events}: {@code boot-new-instance}, {@code boot}, {@code boot-legacy},
     * {@code hotplug} (re-crawled on a hotplug event). None by default, as NoCloud and None in 22.4.
     */
    @Attribute("update.events")
    String[] update_events() default {};

    /**
     * Of those, the ones enabled unless {@code updates: network: when:} lists others, the
     * reference's {@code default_update_events}.
     */
    @Attribute("update.events.default")
    String[] update_events_default() default {};
}
