package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.CrawledData;
import io.nubis.api.distro.Step;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.target.FileAttributes;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.ds.DetectionHints;
import io.nubis.runtime.internal.ds.UpdateEvents;
import io.nubis.runtime.internal.exec.StepApplier;
import io.nubis.runtime.internal.exec.StepException;
import io.nubis.runtime.internal.net.EngineRenderContext;
import io.nubis.runtime.internal.net.NetworkApply;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.plugin.PluginInfo;

/**
 * The boot's network configuration, as the reference's {@code Init.apply_network_config}: the
 * local stage renders the config (the datasource's, or the fallback when no local datasource was
 * found) before the init system brings networking up; the network stage renders again only for
 * a datasource it found itself. On a boot of a known instance the config is rendered only when
 * the {@code updates} policy (or the datasource's default) allows {@code boot} (once per boot)
 * or {@code boot-legacy}. Never brings interfaces up at boot: the init system does. Update mode
 * ({@link #update}) and hotplug make the stack apply what changed.
 */
public final class NetworkStep {
    private static final Logger LOG = LoggerFactory.getLogger("stages");
    /** The per-boot marker in the run directory's {@code sem}, as the reference's. */
    static final String SEMAPHORE = "sem/apply_network_config.once";
    /** In the data directory: what the last render wrote ({@link io.nubis.runtime.internal.net.RenderStamp}). */
    static final String STAMP = "nubis-network-render.json";

    private NetworkStep() {
    }

    /**
     * Renders when the policy says so.
     *
     * @param d           the datasource's data, or null when none was found
     * @param newInstance whether this boot sees the instance for the first time
     * @param found       whether this stage found the datasource itself (not from the cache)
     * @param local       whether this is the local stage
     */
    static void run(BootSession s, SystemConfig sc, CloudPaths paths, CrawledData d, boolean newInstance,
            boolean found, boolean local) {
        long start = System.nanoTime();
        Map<String, Object> sys = sc.config().asMap();
        String sem = paths.run(SEMAPHORE);
        boolean doneThisBoot = s.target().exists(sem);
        if (!local && doneThisBoot && !found) {
            LOG.debug("Network config already applied this boot");
            return;
        }
        if (d != null && !newInstance) {
            DetectionHints h = s.plugins().datasources().get(d.dsName());
            UpdateEvents ev = h == null ? UpdateEvents.NONE : s.plugins().updateEvents(h);
            String label = "updates";
            boolean boot = !doneThisBoot && ev.enabled("boot", sys, label);
            if (!boot && !ev.enabled("boot-legacy", sys, label)) {
                LOG.debug("No network config applied. Neither a new instance nor datasource network update allowed");
                return;
            }
        }
        String configJson = d == null || d.instanceId() == null ? null
                : paths.instance(d.instanceId()).path("network-config.json");
        applier(s, sys).apply(request(sc, paths, d, true));
        try {
            s.target().write(sem, new byte[0], FileAttributes.PUBLIC);
            if (configJson != null && s.target().exists(configJson)) {
                s.target().symlink(paths.run("network-config.json"), configJson);
            }
        } catch (IOException e) {
            LOG.debug("Cannot record the network semaphore {}: {}", sem, e.getMessage());
        }
        LOG.debug("Network configuration took {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * {@code modules --mode update}: renders the current network config and, if a file changed,
     * makes the stack apply it (the renderer's activation: {@code ifdown}/{@code ifup},
     * {@code netplan apply}, {@code networkctl reload}...). Returns the failures (none, or one).
     */
    static List<String> update(BootSession s, SystemConfig sc, CloudPaths paths, CrawledData d) {
        Map<String, Object> sys = sc.config().asMap();
        NetworkApply apply = applier(s, sys);
        Optional<NetworkApply.Result> r = apply.apply(request(sc, paths, d, true));
        if (r.isEmpty()) {
            return apply.failed() ? List.of("network: the network config could not be rendered (see the log)") : List.of();
        }
        if (r.get().files().changed().isEmpty()) {
            LOG.debug("Network config unchanged; nothing to apply");
            return List.of();
        }
        try {
            activate(s, sys, r.get().renderer(), (renderer, ctx) -> renderer.apply(ctx));
            LOG.info("Network config changed ({}); applied with the {} renderer", r.get().files().changed(),
                    r.get().renderer());
            return List.of();
        } catch (StepException | RuntimeException e) {
            LOG.error("Applying the changed network config with {} failed: {}", r.get().renderer(), e.getMessage());
            return List.of("network: applying the changed network config failed: " + e.getMessage());
        }
    }

    /** The request for the current config: the datasource's (if any) and the system's. */
    static NetworkApply.Request request(SystemConfig sc, CloudPaths paths, CrawledData d, boolean stamp) {
        String configJson = d == null || d.instanceId() == null ? null
                : paths.instance(d.instanceId()).path("network-config.json");
        return new NetworkApply.Request(sc.networkConfig(), sc.cmdline().tokens(), sc.config().asMap(),
                "system config (" + String.join(", ", sc.sources()) + ")",
                d == null ? null : d.networkConfig(), d == null ? null : "datasource " + d.dsName(),
                paths.data("upgraded-network"), configJson, stamp ? paths.data(STAMP) : null);
    }

    static NetworkApply applier(BootSession s, Map<String, Object> sys) {
        return new NetworkApply(s.target(), s.runner(), parts(s.plugins()), s.distroName(sys),
                s.distro().profile().variant());
    }

    /** Applies the steps that {@code activation} asks the named renderer for. */
    static void activate(BootSession s, Map<String, Object> sys, String rendererName,
            BiFunction<NetworkRenderer, EngineRenderContext, List<Step>> activation) throws StepException {
        PluginInfo info = s.plugins().netRenderers().get(rendererName);
        if (info == null) {
            throw new IllegalStateException("the " + rendererName + " renderer is not in this assembly");
        }
        EngineRenderContext ctx = EngineRenderContext.of(s.target(), s.distroName(sys), s.distro().profile().variant(),
                sys.get("system_info") instanceof Map<?, ?> si ? Values.asMap("system_info", si) : Map.of(), rendererName);
        new StepApplier(s.target(), s.runner()).apply(activation.apply(s.plugins().netRenderer(info), ctx));
    }

    /** The reader and renderers from the plug-ins. */
    public static NetworkApply.Parts parts(Plugins plugins) {
        return new NetworkApply.Parts() {
            @Override
            public Optional<NetworkConfigReader> reader() {
                return plugins.netConfigReader();
            }

            @Override
            public Map<String, PluginInfo> renderers() {
                return plugins.netRenderers();
            }

            @Override
            public NetworkRenderer renderer(PluginInfo info) {
                return plugins.netRenderer(info);
            }
        };
    }
}
