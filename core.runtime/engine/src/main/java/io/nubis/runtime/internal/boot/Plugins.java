package io.nubis.runtime.internal.boot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.datasource.Datasource;
import io.nubis.api.distro.Distro;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkDataConverter;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.report.ReportingHandler;
import io.nubis.api.template.TemplateRenderer;
import io.nubis.runtime.internal.ds.DetectionHints;
import io.nubis.runtime.internal.ds.UpdateEvents;
import io.nubis.runtime.internal.modules.ModuleInfo;
import io.nubis.runtime.internal.plugin.PluginInfo;
import io.nubis.runtime.internal.schema.SchemaFragment;

/**
 * The plug-ins the boot engine uses, listed from metadata and got (activated) one at a time
 * when used. In the framework this is the plug-in catalog; tests give plain objects.
 */
public interface Plugins {
    /**
     * The distro profile wired to its adapters.
     *
     * @param osId the target's os-release ID, to choose among several profiles
     * @throws IllegalStateException if the assembly has no usable profile
     */
    Distro distro(Optional<String> osId);

    /** Where the distro profile comes from (its bundle), for provenance labels. */
    String distroSource();

    /** True if the distro profile's layout adapter is available. */
    boolean hasLayout();

    /** Datasources by name. */
    Map<String, DetectionHints> datasources();

    /** Gets a datasource's service. */
    Datasource datasource(DetectionHints hints);

    /** The update events a datasource declares, from its service properties. */
    default UpdateEvents updateEvents(DetectionHints hints) {
        return hints.plugin() == null ? UpdateEvents.NONE : UpdateEvents.of(hints.plugin());
    }

    /** Modules by name. */
    Map<String, ModuleInfo> modules();

    /** Gets a module's service. */
    ConfigModule module(ModuleInfo info);

    /** The reporting handler service for a {@code reporting:} type, if any. */
    Optional<ReportingHandler> reportingHandler(String type);

    /** The Jinja renderer service, if the assembly has one; got (and loaded) only when called. */
    Optional<TemplateRenderer> templateRenderer();

    /** Starts getting the datasources and modules ready in the background (a boot will need them). */
    default void prefetch() {
    }

    /** The network renderers of the assembly by name, listed without loading them. */
    default Map<String, PluginInfo> netRenderers() {
        return Map.of();
    }

    /** Gets a network renderer's service. */
    default NetworkRenderer netRenderer(PluginInfo info) {
        throw new IllegalStateException("no network renderers in this engine");
    }

    /** The network-config reader, if the assembly has one; got (and loaded) only when called. */
    default Optional<NetworkConfigReader> netConfigReader() {
        return Optional.empty();
    }

    /** The network_data.json converter, if the assembly has one; got (and loaded) only when called. */
    default Optional<NetworkDataConverter> netDataConverter() {
        return Optional.empty();
    }

    /** The JSON-Schema fragments the modules declare, read from their bundles without loading them. */
    default List<SchemaFragment> schemaFragments() {
        return List.of();
    }
}
