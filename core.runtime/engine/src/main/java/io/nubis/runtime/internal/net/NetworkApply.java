package io.nubis.runtime.internal.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.distro.Step;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigReader;
import io.nubis.api.net.NetworkRenderer;
import io.nubis.api.net.NetworkState;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.AgentVersion;
import io.nubis.runtime.internal.exec.StepException;
import io.nubis.runtime.internal.plugin.PluginInfo;
import io.nubis.runtime.internal.pyjson.JsonWriter;

/**
 * Finds, reads and renders the network config into the target: the config from
 * {@link NetworkSources}, read into the model by the {@link NetworkConfigReader}, written by the
 * renderer {@link RendererChoice} picks, with unchanged files left alone ({@link RenderedFiles}).
 * A config that cannot be read is reported with every problem's key path and the fallback config
 * is rendered instead; nothing here stops the boot. With a stamp path, a config that the last render
 * wrote and whose files are unchanged ({@link RenderStamp}) is not read or rendered again.
 */
public final class NetworkApply {
    private static final Logger LOG = LoggerFactory.getLogger("net");

    /**
     * What to apply.
     *
     * @param cmdline        the kernel command line's decoded {@code network-config=}, if any
     * @param cmdlineWords   the kernel command line's words ({@code ip=} makes a klibc initramfs's config count)
     * @param systemConfig   the merged system config
     * @param systemOrigin   label for the system config
     * @param dsConfig       the datasource's network config, or null
     * @param dsOrigin       label for the datasource
     * @param upgradedMarker the data directory's {@code upgraded-network}
     * @param configJson     where to record the config used ({@code network-config.json}), or null
     * @param stampPath      where the last render's {@link RenderStamp} is kept, or null to render whatever it says
     */
    public record Request(Optional<Map<String, Object>> cmdline, java.util.List<String> cmdlineWords,
            Map<String, Object> systemConfig, String systemOrigin,
            Map<String, Object> dsConfig, String dsOrigin, String upgradedMarker, String configJson, String stampPath) {
    }

    /**
     * What was done.
     *
     * @param source   where the config came from
     * @param renderer the renderer's name
     * @param state    the config read, or null when the stamp showed that nothing changed
     * @param files    the files changed and left
     */
    public record Result(NetworkSources.Source source, String renderer, NetworkState state, RenderedFiles.Outcome files) {
    }

    /** The plug-ins this needs, so that tests can give plain objects. */
    public interface Parts {
        Optional<NetworkConfigReader> reader();

        Map<String, PluginInfo> renderers();

        NetworkRenderer renderer(PluginInfo info);
    }

    private final TargetRoot target;
    private final CommandRunner runner;
    private final Parts parts;
    private final String distro;
    private final String variant;
    private boolean failed;

    public NetworkApply(TargetRoot target, CommandRunner runner, Parts parts, String distro, String variant) {
        this.target = target;
        this.runner = runner;
        this.parts = parts;
        this.distro = distro;
        this.variant = variant;
    }

    /** True if the last {@link #apply} failed (it logged why), as opposed to having nothing to do. */
    public boolean failed() {
        return failed;
    }

    /** Applies; empty when network configuration is disabled, there is nothing to apply, or it failed (logged). */
    public Optional<Result> apply(Request req) {
        failed = false;
        SysNet sys = new SysNet(target);
        Optional<Map<String, Object>> initramfs = Optional.empty();
        try {
            Map<String, String> byName = new java.util.LinkedHashMap<>();
            sys.macToName().forEach((mac, name) -> byName.put(name, mac));
            initramfs = KlibcConfig.read(target, req.cmdlineWords(), byName);
        } catch (NetworkConfigException e) {
            LOG.warn("Ignoring the initramfs network config: {}", e.getMessage());
        }
        NetworkSources.Choice choice = NetworkSources.choose(target, req.cmdline(), initramfs, req.systemConfig(),
                req.systemOrigin(), req.dsConfig(), req.dsOrigin(), req.upgradedMarker(), sys);
        if (choice.disabled()) {
            LOG.info("network config is disabled by {}", choice.source().id());
            return Optional.empty();
        }
        if (choice.config().isEmpty()) {
            LOG.info("No network config to apply: no datasource or system network config and no fallback NIC");
            return Optional.empty();
        }
        Map<String, Object> systemInfo = asMap(req.systemConfig().get("system_info"));
        List<String> order = RendererChoice.order(systemInfo);
        String key = RenderStamp.key(choice.config().get(), order, AgentVersion.version());
        if (req.stampPath() != null) {
            Optional<RenderStamp> stamp = RenderStamp.read(target, req.stampPath());
            if (stamp.isPresent() && stamp.get().holds(key, target)) {
                LOG.debug("Network config from {} unchanged since the {} renderer wrote it ({})", choice.source().id(),
                        stamp.get().renderer(), req.stampPath());
                recordConfig(req.configJson(), choice.config().get());
                return Optional.of(new Result(choice.source(), stamp.get().renderer(), null,
                        new RenderedFiles.Outcome(List.of(), List.copyOf(stamp.get().files().keySet()))));
            }
        }
        Optional<NetworkConfigReader> reader = parts.reader();
        if (reader.isEmpty()) {
            LOG.error("Cannot apply the network config from {}: this assembly has no network-config reader", choice.origin());
            failed = true;
            return Optional.empty();
        }
        Map<String, String> macs = sys.macToName();
        boolean readAsGiven = true;
        NetworkSources.Source source = choice.source();
        Map<String, Object> config = choice.config().get();
        NetworkState state;
        try {
            state = reader.get().read(config, choice.origin(), macs::get);
        } catch (NetworkConfigException e) {
            LOG.warn("Invalid network config from {} ({} problem(s)): {}; using the fallback config instead",
                    choice.origin(), e.problems().size(), e.problems().stream().map(Object::toString).toList());
            Optional<Map<String, Object>> fb = FallbackNetwork.generate(sys);
            if (fb.isEmpty()) {
                LOG.warn("No fallback NIC found either; no network config applied");
                return Optional.empty();
            }
            source = NetworkSources.Source.FALLBACK;
            config = fb.get();
            readAsGiven = false;
            try {
                state = reader.get().read(config, "fallback config", macs::get);
            } catch (NetworkConfigException e2) {
                LOG.error("The fallback network config is invalid: {}", e2.getMessage());
                failed = true;
            return Optional.empty();
            }
        }
        PluginInfo chosen;
        try {
            chosen = RendererChoice.choose(parts.renderers(), order, target);
        } catch (RendererChoice.NoRendererException e) {
            LOG.error("Unable to render networking. Network config is likely broken: {}", e.getMessage());
            failed = true;
            return Optional.empty();
        }
        LOG.info("Applying network configuration from {} ({}) with the {} renderer", source.id(),
                source == NetworkSources.Source.FALLBACK ? "fallback config" : choice.origin(), chosen.name());
        recordConfig(req.configJson(), config);
        try {
            NetworkRenderer renderer = parts.renderer(chosen);
            EngineRenderContext ctx = EngineRenderContext.of(target, distro, variant, systemInfo, chosen.name());
            List<Step> steps = renderer.render(state, ctx);
            RenderedFiles.Outcome out = RenderedFiles.apply(steps, target, runner);
            if (req.stampPath() != null && readAsGiven) {
                List<String> written = steps.stream().filter(Step.Write.class::isInstance)
                        .map(st -> ((Step.Write) st).path()).toList();
                stamp(req.stampPath(), new RenderStamp(key, chosen.name(),
                        RenderStamp.probes(parts.renderers(), order, chosen.name(), target),
                        RenderStamp.digests(target, written)));
            }
            if (out.changed().isEmpty()) {
                LOG.debug("Network config unchanged: {}", out.unchanged());
            } else {
                LOG.info("Network config written by {}: {}", chosen.name(), out.changed());
            }
            return Optional.of(new Result(source, chosen.name(), state, out));
        } catch (StepException | RuntimeException e) {
            LOG.error("Rendering the network config with {} failed: {}", chosen.name(), e.getMessage());
            failed = true;
            return Optional.empty();
        }
    }

    private void stamp(String path, RenderStamp stamp) {
        try {
            stamp.write(target, path);
        } catch (IOException e) {
            LOG.debug("Cannot write {}: {}", path, e.getMessage());
        }
    }

    /** {@code network-config.json} (0600), left alone when it already holds this config. */
    private void recordConfig(String path, Map<String, Object> config) {
        if (path == null) {
            return;
        }
        byte[] json = JsonWriter.dumps(config, 1, true).concat("\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (target.exists(path) && Arrays.equals(target.read(path), json)) {
                return;
            }
            target.write(path, json, FileAttributes.PRIVATE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", path, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
