package io.nubis.runtime.internal.boot;

import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.datasource.Datasource;
import io.nubis.api.distro.Distro;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkDataConverter;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.report.ReportingHandler;
import io.nubis.api.template.TemplateRenderer;
import io.nubis.runtime.internal.ds.DetectionHints;
import io.nubis.runtime.internal.modules.ModuleInfo;
import io.nubis.runtime.internal.plugin.DistroWiring;
import io.nubis.runtime.internal.plugin.PluginCatalog;
import io.nubis.runtime.internal.schema.SchemaFragment;
import io.nubis.runtime.internal.schema.SchemaSources;
import io.nubis.runtime.internal.plugin.PluginInfo;

/** {@link Plugins} from the OSGi plug-in catalog: the highest-ranked service of each name wins. */
public final class CatalogPlugins implements Plugins {
    private final PluginCatalog catalog;
    private DistroWiring wiring;

    public CatalogPlugins(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void prefetch() {
        catalog.prefetch(Namespaces.DATASOURCE, Namespaces.MODULE);
    }

    @Override
    public synchronized Distro distro(Optional<String> osId) {
        wiring = DistroWiring.select(catalog, osId);
        return new EngineDistro(catalog, wiring);
    }

    @Override
    public synchronized String distroSource() {
        return wiring == null ? "distro profile" : wiring.profile().bundle();
    }

    @Override
    public synchronized boolean hasLayout() {
        return wiring != null && wiring.adapters().containsKey(Namespaces.LAYOUT);
    }

    @Override
    public Map<String, DetectionHints> datasources() {
        Map<String, DetectionHints> out = new LinkedHashMap<>();
        for (PluginInfo p : catalog.selected(Namespaces.DATASOURCE).values()) {
            out.put(p.name(), DetectionHints.of(p));
        }
        return out;
    }

    @Override
    public Datasource datasource(DetectionHints hints) {
        return catalog.service(hints.plugin(), Datasource.class);
    }

    @Override
    public Map<String, ModuleInfo> modules() {
        Map<String, ModuleInfo> out = new LinkedHashMap<>();
        for (PluginInfo p : catalog.selected(Namespaces.MODULE).values()) {
            out.put(p.name(), ModuleInfo.of(p));
        }
        return out;
    }

    @Override
    public ConfigModule module(ModuleInfo info) {
        return catalog.service(info.plugin(), ConfigModule.class);
    }

    @Override
    public Optional<ReportingHandler> reportingHandler(String type) {
        return catalog.reportingHandler(type);
    }

    @Override
    public Optional<TemplateRenderer> templateRenderer() {
        return catalog.firstService(TemplateRenderer.class);
    }

    @Override
    public Map<String, PluginInfo> netRenderers() {
        return catalog.selected(Namespaces.NET_RENDERER);
    }

    @Override
    public NetworkRenderer netRenderer(PluginInfo info) {
        return catalog.service(info, NetworkRenderer.class);
    }

    @Override
    public Optional<NetworkConfigReader> netConfigReader() {
        catalog.require(Namespaces.NET_READER);
        return catalog.firstService(NetworkConfigReader.class);
    }

    @Override
    public Optional<NetworkDataConverter> netDataConverter() {
        catalog.require(Namespaces.NET_READER);
        return catalog.firstService(NetworkDataConverter.class);
    }

    @Override
    public List<SchemaFragment> schemaFragments() {
        return SchemaSources.fromModules(catalog);
    }
}
