package io.nubis.api.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

import io.nubis.api.capability.Namespaces;

/**
 * Declares a config module once: applied to a {@link ConfigModule} DS component, it becomes both
 * the bundle's {@code nubis.module} capability (read by the bnd resolver) and the component's
 * service properties (read by the runtime's planner without loading the module class).
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
@Capability(namespace = Namespaces.MODULE)
public @interface NubisModule {
    /** Module name without {@code cc_} ({@code users_groups}); property {@code nubis.module}. */
    @Attribute("nubis.module")
    String nubis_module();

    /** One of {@link Stage#id()}. */
    @Attribute("stage")
    String stage();

    /** One of {@link Frequency#id()}. */
    @Attribute("frequency")
    String frequency() default Frequency.PER_INSTANCE_ID;

    /** Whether re-running converges to the same state; only idempotent modules run in update mode. */
    @Attribute("idempotent")
    boolean idempotent() default false;

    /**
     * Whether the module implements {@link ConfigModule#prepare}; only such modules are activated
     * for the early call, the others stay unloaded until they run.
     */
    @Attribute("prepares")
    boolean prepares() default false;

    /** Top-level config keys that activate the module; empty: always runs when listed. */
    @Attribute("keys")
    String[] keys() default {};

    /** Supported distro names, or {@code all}. */
    @Attribute("distros")
    String[] distros() default {"all"};

    /** Modules that must run before this one. */
    @Attribute("after")
    String[] after() default {};

    /** Modules that must run after this one. */
    @Attribute("before")
    String[] before() default {};

    /**
     * The shared system resources the module reads or changes, named from {@link Resources}. The
     * engine may run consecutive modules whose sets are all non-empty and pairwise disjoint, and
     * that have no {@link #after}/{@link #before} relation, at the same time on other threads.
     * Empty (the default) means the module may touch anything and always runs alone.
     */
    @Attribute("touches")
    String[] touches() default {};

    /** Bundle resource path of the JSON-Schema fragment, empty if none. */
    @Attribute("schema")
    String schema() default "";
}
