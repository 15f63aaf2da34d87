package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.DatasourceException;
import io.nubis.api.module.Stage;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.ds.DetectionHints;
import io.nubis.runtime.internal.ds.EngineDatasourceContext;
import io.nubis.runtime.internal.ds.InstanceStore;
import io.nubis.runtime.internal.ds.TargetFacts;
import io.nubis.runtime.internal.ds.UpdateEvents;
import io.nubis.runtime.internal.merge.MergedConfig;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.exec.StepException;
import io.nubis.runtime.internal.net.NetworkApply;
import io.nubis.runtime.internal.net.SysNet;
import io.nubis.runtime.internal.pyjson.JsonReader;
import io.nubis.runtime.internal.pyjson.JsonWriter;
import io.nubis.runtime.internal.report.EventReporter;

/**
 * {@code devel hotplug-hook}, as the reference's {@code hotplug_hook.py}: hotplug is enabled for a
 * subsystem when the current instance's datasource supports the {@code hotplug} update event and
 * the merged config allows it ({@code updates: network: when: [hotplug]}, else the datasource's
 * defaults), or {@code hotplug.enabled} lists its scope ({@link #enable}). An enabled event re-crawls
 * the datasource, renders the network config again and brings an added device up when the config
 * names it; if the metadata changed, the new data is cached and the idempotent modules run again
 * ({@code modules --mode update}). Nubis adds
 * {@link #drain}: every event of the queue the hooks append to.
 */
public final class HotplugHook {
    /** Subsystems and the update scope of each (the reference's {@code SUBSYSTEM_PROPERTES_MAP}). */
    public static final Map<String, String> SUBSYSTEMS = Map.of("net", UpdateEvents.NETWORK);
    /** The update event type. */
    static final String HOTPLUG = "hotplug";
    /** In the cloud directory: the scopes {@code enable} turned on, as JSON {@code {"scopes": [...]}}. */
    static final String ENABLED_FILE = "hotplug.enabled";
    /** In the run directory: present while network hotplug is enabled (see {@link #recordForHook}). */
    static final String RUN_MARKER = "hotplug.net.enabled";

    private static final Logger LOG = LoggerFactory.getLogger("hotplug_hook");

    private final BootSession s;
    private final SystemConfig sc;
    private final CloudPaths paths;
    private Optional<IdentityResolver.Resolution> current;
    private final MergedConfig merged;

    /** Reads the system config, the current instance's datasource data (trusting the cache) and the merged config. */
    public HotplugHook(BootSession s) {
        this.s = s;
        this.sc = s.loadSystemConfig();
        this.paths = s.paths(sc.config().asMap());
        LOG.debug("Fetching datasource");
        EventReporter quiet = new EventReporter(s.hub(), false, s.clock()::epochSeconds);
        this.current = new IdentityResolver(s, sc, paths).resolve(null, quiet);
        this.merged = current.map(r -> ConfigAssembler.merge(s, sc, paths.instance(r.data().instanceId()),
                s.consumed(r.data().instanceId()))).orElse(MergedConfig.EMPTY);
    }

    /** {@code query}: prints {@code enabled} or {@code disabled}; 1 if no datasource is known. */
    public int query(String subsystem) {
        if (current.isEmpty()) {
            s.out().println("Unable to determine hotplug state. No datasource detected");
            return 1;
        }
        s.out().println(enabled(subsystem) ? "enabled" : "disabled");
        return 0;
    }

    /** Whether hotplug is enabled for {@code subsystem}; logs why not. */
    boolean enabled(String subsystem) {
        return enabled(s, paths, current.orElseThrow().data(), merged, subsystem);
    }

    /**
     * Whether hotplug is enabled for {@code subsystem}: the datasource supports the event, and
     * {@code hotplug.enabled} lists the scope or the merged config allows it; logs why not.
     */
    static boolean enabled(BootSession s, CloudPaths paths, CrawledData d, MergedConfig merged, String subsystem) {
        DetectionHints h = s.plugins().datasources().get(d.dsName());
        UpdateEvents events = h == null ? UpdateEvents.NONE : s.plugins().updateEvents(h);
        if (!events.supported().contains(HOTPLUG)) {
            LOG.debug("hotplug not supported for event of type {}", subsystem);
            return false;
        }
        if (enabledByFile(s, paths, SUBSYSTEMS.get(subsystem))) {
            return true;
        }
        String source = merged.sourceOf("updates").orElse("the merged config");
        if (!events.enabled(HOTPLUG, merged.asMap(), source)) {
            LOG.debug("hotplug not enabled for event of type {}", subsystem);
            return false;
        }
        return true;
    }

    /**
     * Records in the run directory whether network hotplug is enabled for this boot
     * ({@code hotplug.net.enabled}), which the device managers' hook checks before it queues an
     * event: with hotplug disabled an event costs a shell, not a JVM.
     */
    static void recordForHook(BootSession s, CloudPaths paths, CrawledData d, MergedConfig merged) {
        String marker = paths.run(RUN_MARKER);
        try {
            if (enabled(s, paths, d, merged, "net")) {
                s.target().write(marker, new byte[0], io.nubis.api.target.FileAttributes.PUBLIC);
            } else {
                s.target().delete(marker);
            }
        } catch (IOException e) {
            LOG.warn("Cannot record the hotplug state in {}: {}", marker, e.getMessage());
        }
    }

    /** Whether {@code hotplug.enabled} in the cloud directory lists the scope ({@code hotplug-hook enable}). */
    private static boolean enabledByFile(BootSession s, CloudPaths paths, String scope) {
        try {
            Optional<String> text = s.target().readString(paths.cloud(ENABLED_FILE));
            if (text.isEmpty()) {
                return false;
            }
            Object scopes = JsonReader.parseObject(text.get(), paths.cloud(ENABLED_FILE)).get("scopes");
            return scopes instanceof java.util.List<?> l && l.contains(scope);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read {}: {}", paths.cloud(ENABLED_FILE), e.getMessage());
            return false;
        }
    }

    /**
     * {@code enable}: records the scope in {@code hotplug.enabled} (0640), as the reference's
     * {@code hotplug-hook enable}, so events are handled whatever the {@code updates} config says.
     * 1 if no datasource is known or it does not support hotplug.
     */
    public int enable(String subsystem) {
        if (current.isEmpty()) {
            s.err().println("Unable to enable hotplug. No datasource detected");
            return 1;
        }
        CrawledData d = current.get().data();
        DetectionHints h = s.plugins().datasources().get(d.dsName());
        UpdateEvents events = h == null ? UpdateEvents.NONE : s.plugins().updateEvents(h);
        if (!events.supported().contains(HOTPLUG)) {
            s.err().println("hotplug not supported for event of type " + subsystem);
            return 1;
        }
        String scope = SUBSYSTEMS.get(subsystem);
        java.util.Set<String> scopes = new java.util.TreeSet<>();
        try {
            Optional<String> text = s.target().readString(paths.cloud(ENABLED_FILE));
            if (text.isPresent() && JsonReader.parseObject(text.get(), ENABLED_FILE).get("scopes") instanceof java.util.List<?> l) {
                l.forEach(o -> scopes.add(String.valueOf(o)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Replacing unreadable {}: {}", paths.cloud(ENABLED_FILE), e.getMessage());
        }
        if (!scopes.add(scope)) {
            s.out().println("Hotplug already enabled for subsystem=" + subsystem);
            return 0;
        }
        try {
            s.target().writeString(paths.cloud(ENABLED_FILE),
                    JsonWriter.dumps(Map.of("scopes", java.util.List.copyOf(scopes)), -1, true),
                    io.nubis.api.target.FileAttributes.mode(0640));
        } catch (IOException e) {
            s.err().println("Cannot write " + paths.cloud(ENABLED_FILE) + ": " + e.getMessage());
            return 1;
        }
        try {
            s.target().write(paths.run(RUN_MARKER), new byte[0], io.nubis.api.target.FileAttributes.PUBLIC);
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", paths.run(RUN_MARKER), e.getMessage());
        }
        s.out().println("Enabled cloud-init hotplug for subsystem=" + subsystem);
        return 0;
    }

    /**
     * {@code handle}: one event. 0 when handled or hotplug is not enabled, 1 when the datasource
     * could not be re-crawled or the update failed.
     */
    public int handle(String subsystem, String devpath, String action) {
        LOG.debug("hotplug-hook called with the following arguments: {hotplug_action: handle, subsystem: {},"
                + " udevaction: {}, devpath: {}}", subsystem, action, devpath);
        if (current.isEmpty()) {
            LOG.error("Cannot handle hotplug event {} {}: no datasource detected", action, devpath);
            return 1;
        }
        if (!enabled(subsystem)) {
            return 0;
        }
        return update(devpath, action);
    }

    private int update(String devpath, String action) {
        CrawledData old = current.get().data();
        DetectionHints h = s.plugins().datasources().get(old.dsName());
        String event = "Hotplug " + action + " of " + devpath;
        Optional<CrawledData> fresh;
        try {
            fresh = s.plugins().datasource(h).crawl(context(h));
        } catch (DatasourceException | RuntimeException e) {
            LOG.error("{}: re-crawling datasource {} failed: {}", event, h.name(), e.getMessage());
            return 1;
        }
        if (fresh.isEmpty()) {
            LOG.error("{}: datasource {} is no longer present", event, h.name());
            return 1;
        }
        CrawledData d = fresh.get();
        if (!Objects.equals(old.instanceId(), d.instanceId())) {
            LOG.warn("{}: datasource {} now reports instance {} instead of {}; the next boot sets it up",
                    event, h.name(), d.instanceId(), old.instanceId());
            return 1;
        }
        int net = network(d, devpath, action, event);
        if (json(old.metadata()).equals(json(d.metadata())) && json(old.networkConfig()).equals(json(d.networkConfig()))) {
            LOG.info("{}: the metadata of {} did not change; nothing else to update", event, h.name());
            return net;
        }
        try {
            new InstanceStore(s.target(), paths).cache(d, "hotplug");
        } catch (IOException e) {
            LOG.error("{}: cannot cache the new data of {}: {}", event, h.name(), e.getMessage());
            return 1;
        }
        current = Optional.of(new IdentityResolver.Resolution(d, "search"));
        LOG.info("{}: the metadata of {} changed; running the idempotent modules (modules --mode update)",
                event, h.name());
        return new ModulesStage(s, "update").run() == 0 ? net : 1;
    }

    /**
     * Renders the network config again (the re-crawled datasource's, or the one the boot would
     * choose) and, when the config names the device (by name or by its MAC address), brings it up
     * ({@code add}) or takes it down ({@code remove}) through the renderer's activation. Returns 0,
     * or 1 if nothing could be rendered or the device could not be brought up.
     */
    private int network(CrawledData d, String devpath, String action, String event) {
        Map<String, Object> sys = sc.config().asMap();
        NetworkApply apply = NetworkStep.applier(s, sys);
        Optional<NetworkApply.Result> r = apply.apply(NetworkStep.request(sc, paths, d, false));
        if (r.isEmpty()) {
            LOG.info("{}: no network config rendered{}", event, apply.failed() ? " (failed)" : "");
            return apply.failed() ? 1 : 0;
        }
        String dev = devpath.substring(devpath.lastIndexOf('/') + 1);
        Optional<String> mac = new SysNet(s.target()).mac(dev);
        Optional<String> name = r.get().state().interfaces().stream()
                .filter(i -> i.name().equals(dev) || (mac.isPresent() && mac.get().equals(i.macAddress())))
                .map(io.nubis.api.net.NetInterface::name).findFirst();
        boolean add = action.equals("add");
        if (name.isEmpty()) {
            LOG.info("{}: {} is not in the network config; {}", event, dev, add ? "not brought up" : "nothing to take down");
            return 0;
        }
        String renderer = r.get().renderer();
        try {
            NetworkStep.activate(s, sys, renderer, (rd, ctx) -> add ? rd.bringUp(name.get(), ctx) : rd.bringDown(name.get(), ctx));
            LOG.info("{}: {} {} with the {} renderer", event, add ? "brought up" : "took down", name.get(), renderer);
            return 0;
        } catch (StepException | RuntimeException e) {
            if (!add) {
                // the device is gone already; what the stack still held of it is what this cleans
                LOG.info("{}: taking down {} (already removed): {}", event, name.get(), e.getMessage());
                return 0;
            }
            LOG.error("{}: bringing up {} failed: {}", event, name.get(), e.getMessage());
            return 1;
        }
    }

    private EngineDatasourceContext context(DetectionHints h) {
        Map<String, Object> cfg = sc.config().asMap();
        Object section = cfg.get("datasource") instanceof Map<?, ?> m ? m.get(h.name()) : null;
        Map<String, Object> c = section instanceof Map<?, ?> m ? Values.asMap("datasource." + h.name(), m) : Map.of();
        return new EngineDatasourceContext(h.name(), Stage.NETWORK, s.target(), s.runner(), c,
                new TargetFacts(s.target(), s.runner(), s.cmdline().tokens()));
    }

    /** Cached (JSON) and crawled (YAML) values compare by their JSON text. */
    private static String json(Object v) {
        return JsonWriter.dumps(v, -1, true);
    }

    /**
     * {@code drain}: handles every event in {@code <run>/hotplug.queue} in order and removes the
     * handled lines, again until the queue is empty. A malformed line or an event of an unknown
     * subsystem is reported with its line number and skipped. 0 if every line was handled, 1 if
     * not; 0 at once if another drainer runs (it handles what is queued).
     */
    public int drain() throws IOException {
        HotplugQueue q = new HotplugQueue(s.target(), paths.runDir());
        Optional<AutoCloseable> lock = q.drainer();
        if (lock.isEmpty()) {
            LOG.debug("Another hotplug-hook drain handles {}", q.path());
            return 0;
        }
        int failed = 0;
        try (AutoCloseable held = lock.get()) {
            for (HotplugQueue.Batch b = q.read(); !b.lines().isEmpty(); b = q.read()) {
                for (HotplugQueue.Line l : b.lines()) {
                    HotplugQueue.Event e = l.event();
                    if (e == null) {
                        LOG.warn("{} line {}: {}; skipped", q.path(), l.number(), l.problem());
                        failed++;
                    } else if (!SUBSYSTEMS.containsKey(e.subsystem())) {
                        LOG.warn("{} line {}: hotplug-hook: cannot handle events for subsystem: {}; skipped",
                                q.path(), l.number(), e.subsystem());
                        failed++;
                    } else if (handle(e.subsystem(), e.devpath(), e.action()) != 0) {
                        failed++;
                    }
                }
                q.remove(b);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot release the drainer lock of " + q.path() + ": " + e.getMessage(), e);
        }
        return failed == 0 ? 0 : 1;
    }
}
