package io.nubis.runtime.internal.ds;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.datasource.Datasource;
import io.nubis.api.datasource.DatasourceContext;
import io.nubis.api.report.Reporter;
import io.nubis.runtime.internal.report.EventReporter;

/**
 * Crawls the selected candidates in order, as the reference's {@code find_source}: each in a
 * {@code search-NAME} reporting scope; the first that returns data wins. A datasource that
 * fails (its service does not activate, it throws, or its data has no instance id) is logged as a
 * warning and the next one is tried. Only candidates' classes are ever loaded.
 */
public final class DatasourceSearch {
    private static final Logger LOG = LoggerFactory.getLogger("sources");

    private final Function<DetectionHints, Datasource> services;
    private final Function<DetectionHints, DatasourceContext> contexts;

    /**
     * @param services gets (and activates) a datasource's service
     * @param contexts builds the context a datasource crawls with
     */
    public DatasourceSearch(Function<DetectionHints, Datasource> services,
            Function<DetectionHints, DatasourceContext> contexts) {
        this.services = services;
        this.contexts = contexts;
    }

    /**
     * What was found.
     *
     * @param data  the crawled data
     * @param hints the datasource that gave it
     */
    public record Found(CrawledData data, DetectionHints hints) {
    }

    /**
     * Crawls candidates until one has data.
     *
     * @param mode     {@code local} or {@code network}, for messages
     * @param reporter the stage's reporter
     */
    public Optional<Found> search(List<DatasourceSelector.Candidate> candidates, String mode, Reporter reporter) {
        for (DatasourceSelector.Candidate c : candidates) {
            String cls = DatasourceLabel.className(c.name());
            Reporter.Scope scope = reporter.start("search-" + c.name(), "searching for " + mode + " data from " + cls);
            setMessage(scope, "no " + mode + " data found from " + cls);
            try {
                LOG.debug("Seeing if we can get any data from {} ({})", cls, c.reason());
                Datasource ds = services.apply(c.hints());
                Optional<CrawledData> data = ds.crawl(contexts.apply(c.hints()));
                if (data.isEmpty()) {
                    continue;
                }
                CrawledData d = data.get();
                if (d.instanceId() == null || d.instanceId().isBlank()) {
                    LOG.warn("Getting data from {} failed: its meta-data has no instance-id", cls);
                    continue;
                }
                if (!c.name().equals(d.dsName())) {
                    d = new CrawledData(c.name(), d.subplatform(), d.metadata(), d.userData(), d.vendorData(),
                            d.vendorData2(), d.networkConfig(), d.dsmode());
                }
                setMessage(scope, "found " + mode + " data from " + cls);
                return Optional.of(new Found(d, c.hints()));
            } catch (Exception | LinkageError e) {
                LOG.warn("Getting data from {} failed: {}", cls, e.getMessage() == null ? e.toString() : e.getMessage());
                LOG.debug("Getting data from {} failed", cls, e);
            } finally {
                scope.close();
            }
        }
        return Optional.empty();
    }

    private static void setMessage(Reporter.Scope scope, String msg) {
        if (scope instanceof EventReporter.ScopeImpl s) {
            s.message(msg);
        }
    }
}
