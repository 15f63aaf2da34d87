package io.nubis.runtime.internal.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.config.Values;
import io.nubis.api.datasource.CrawledData;
import io.nubis.api.module.Stage;
import io.nubis.api.report.Reporter;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.ds.DatasourceLabel;
import io.nubis.runtime.internal.ds.DatasourceSearch;
import io.nubis.runtime.internal.ds.DatasourceSelector;
import io.nubis.runtime.internal.ds.DetectionHints;
import io.nubis.runtime.internal.ds.EngineDatasourceContext;
import io.nubis.runtime.internal.ds.InstanceStore;
import io.nubis.runtime.internal.ds.TargetFacts;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.report.EventReporter;

/**
 * Decides which datasource data a stage works with, and so which instance this is. The rules
 * (see docs/boot-engine.md):
 * <ol>
 * <li>Local stage: the local-stage datasources are searched every boot (the reference checks its
 * cache with {@code check_instance_id}; crawling the matched local datasource again is the generic
 * equivalent). With {@code manual_cache_clean} or the {@code manual-clean} marker the cache is
 * trusted instead.</li>
 * <li>Network stage: if this boot's local stage settled on the cached instance
 * ({@code <run>/.instance-id} equals the cache's id), or the cache is trusted, the cache is used.
 * Otherwise the network-stage datasources except None are searched.</li>
 * <li>Fallback: if nothing but None is left and a previous instance of a real datasource has
 * readable cached data, that instance is kept with its cached data: no new instance, per-instance
 * modules do not run again (the reference would switch to {@code iid-datasource-none} and treat the
 * machine as new). A warning says so. Only without such a cache is None crawled.</li>
 * <li>Module stages and {@code single} use the current instance's cache; without one, None.</li>
 * </ol>
 * Whether the chosen data is a new instance follows from comparing its id with
 * {@code data/instance-id} when it is recorded ({@link InstanceStore#reflect}).
 */
public final class IdentityResolver {
    private static final Logger LOG = LoggerFactory.getLogger("stages");

    private final BootSession s;
    private final SystemConfig sc;
    private final CloudPaths paths;
    private final InstanceStore store;

    public IdentityResolver(BootSession s, SystemConfig sc, CloudPaths paths) {
        this.s = s;
        this.sc = sc;
        this.paths = paths;
        this.store = new InstanceStore(s.target(), paths);
    }

    /**
     * The data chosen and how.
     *
     * @param data the crawled or cached data
     * @param how  {@code search}, {@code cache} or {@code fallback}
     */
    public record Resolution(CrawledData data, String how) {
        /** The datasource description. */
        public String description() {
            return DatasourceLabel.of(data);
        }
    }

    /** The instance store used. */
    public InstanceStore store() {
        return store;
    }

    /**
     * Resolves for a stage.
     *
     * @param stage {@link Stage#LOCAL}, {@link Stage#NETWORK}, or null for module stages and single
     */
    public Optional<Resolution> resolve(Stage stage, Reporter reporter) {
        currentStage = stage == null ? Stage.NETWORK : stage;
        Map<String, Object> cfg = sc.config().asMap();
        boolean trust = trusted(cfg);
        Optional<CrawledData> cached = store.cachedCurrent();
        String mode = stage == Stage.LOCAL && !trust ? "check" : "trust";
        EventReporter.ScopeImpl check = (EventReporter.ScopeImpl) reporter.start("check-cache",
                "attempting to read from cache [" + mode + "]");
        Optional<Resolution> fromCache = Optional.empty();
        try {
            String desc;
            if (cached.isEmpty()) {
                desc = "no cache found";
            } else {
                String label = DatasourceLabel.of(cached.get());
                if (stage != Stage.LOCAL && store.runInstanceId().filter(cached.get().instanceId()::equals).isPresent()) {
                    desc = "restored from cache with run check: " + label;
                    fromCache = Optional.of(new Resolution(cached.get(), "cache"));
                } else if (stage == null || trust) {
                    desc = "restored from cache: " + label;
                    fromCache = Optional.of(new Resolution(cached.get(), "cache"));
                } else {
                    desc = "cache invalid in datasource: " + label;
                }
            }
            check.message(desc);
            LOG.debug(desc);
        } finally {
            check.close();
        }
        if (fromCache.isPresent()) {
            return fromCache;
        }
        if (stage == null) {
            return crawlNone(reporter, "network");
        }
        String modeName = stage == Stage.LOCAL ? "local" : "network";
        DatasourceSelector.Selection sel = select(stage, cfg);
        List<DatasourceSelector.Candidate> real = new ArrayList<>();
        for (DatasourceSelector.Candidate c : sel.candidates()) {
            if (!"None".equals(c.name())) {
                real.add(c);
            }
        }
        Optional<DatasourceSearch.Found> found = search().search(real, modeName, reporter);
        if (found.isPresent()) {
            LOG.info("Loaded datasource {} - {}", DatasourceLabel.className(found.get().data().dsName()),
                    DatasourceLabel.of(found.get().data()));
            return Optional.of(new Resolution(found.get().data(), "search"));
        }
        if (stage == Stage.LOCAL) {
            return Optional.empty();
        }
        if (cached.isPresent() && !"None".equals(cached.get().dsName())) {
            CrawledData c = cached.get();
            LOG.warn("No datasource found this boot; keeping instance {} with the data cached from {}"
                    + " (fallback, not a new instance)", c.instanceId(), DatasourceLabel.of(c));
            return Optional.of(new Resolution(c, "fallback"));
        }
        boolean noneSelected = sel.candidates().stream().anyMatch(c -> "None".equals(c.name()));
        return noneSelected ? crawlNone(reporter, modeName) : Optional.empty();
    }

    private Optional<Resolution> crawlNone(Reporter reporter, String modeName) {
        DetectionHints none = s.plugins().datasources().get("None");
        if (none == null) {
            return Optional.empty();
        }
        return search().search(List.of(new DatasourceSelector.Candidate(none, "fallback")), modeName, reporter)
                .map(f -> new Resolution(f.data(), "search"));
    }

    private DatasourceSelector.Selection select(Stage stage, Map<String, Object> cfg) {
        Map<String, DetectionHints> available = s.plugins().datasources();
        List<String> list = null;
        Object dl = cfg.get("datasource_list");
        if (dl instanceof List<?> l) {
            list = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof String name && !name.isBlank()) {
                    list.add(name.strip());
                }
            }
        } else if (dl != null) {
            LOG.warn("datasource_list: expected a list of datasource names, got {}; searching all datasources",
                    Values.typeName(dl));
        }
        Map<String, Object> dsCfg = cfg.get("datasource") instanceof Map<?, ?> m ? Values.asMap("datasource", m)
                : Map.of();
        DatasourceSelector.Selection sel = DatasourceSelector.select(list, available, stage.id(), dsCfg,
                sc.datasource(), facts());
        sel.forced().ifPresent(f -> LOG.debug("Datasource {} forced by the kernel command line", f));
        if (!sel.notInAssembly().isEmpty()) {
            LOG.debug("Datasources not in this assembly: {}", String.join(", ", sel.notInAssembly()));
        }
        if (!sel.notDetected().isEmpty()) {
            LOG.debug("Datasources not detected: {}", String.join(", ", sel.notDetected()));
        }
        for (DatasourceSelector.Candidate c : sel.candidates()) {
            LOG.debug("Datasource {} is a candidate ({})", c.name(), c.reason());
        }
        return sel;
    }

    private TargetFacts facts;

    private TargetFacts facts() {
        if (facts == null) {
            facts = new TargetFacts(s.target(), s.runner(), s.cmdline().tokens());
        }
        return facts;
    }

    private DatasourceSearch search() {
        Map<String, Object> cfg = sc.config().asMap();
        Map<String, Object> dsCfg = cfg.get("datasource") instanceof Map<?, ?> m ? Values.asMap("datasource", m)
                : Map.of();
        return new DatasourceSearch(h -> s.plugins().datasource(h), h -> {
            Object section = dsCfg.get(h.name());
            Map<String, Object> c = section instanceof Map<?, ?> m ? Values.asMap("datasource." + h.name(), m)
                    : Map.of();
            return new EngineDatasourceContext(h.name(), currentStage, s.target(), s.runner(), c, facts());
        });
    }

    /** The stage datasources are told they are crawled in. */
    private Stage currentStage = Stage.NETWORK;

    private boolean trusted(Map<String, Object> cfg) {
        Object mc = cfg.get("manual_cache_clean");
        boolean byCfg = false;
        try {
            byCfg = mc != null && Values.asBoolean("manual_cache_clean", mc);
        } catch (RuntimeException e) {
            LOG.warn("{}", e.getMessage());
        }
        if (byCfg) {
            LOG.debug("manual cache clean set from config");
            return true;
        }
        Optional<String> iid = store.currentInstanceId();
        if (iid.isPresent() && s.target().exists(paths.instance(iid.get()).manualClean())) {
            LOG.debug("manual cache clean found from marker: {}", paths.instance(iid.get()).manualClean());
            return true;
        }
        return false;
    }
}
