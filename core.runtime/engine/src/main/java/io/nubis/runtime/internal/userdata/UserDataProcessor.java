package io.nubis.runtime.internal.userdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.nubis.api.template.TemplateRenderer;

/**
 * Processes user-data, vendor-data and vendor-data2 the way cloud-init does: every format
 * ({@code #cloud-config}, {@code #!} scripts, {@code #cloud-boothook}, {@code #include},
 * {@code #include-once}, MIME multipart, gzip, {@code #cloud-config-archive},
 * {@code ## template: jinja}, {@code #part-handler}), launch-index filtering, within
 * {@link UserDataLimits}. Nothing is written or run here: the result says what to merge, write
 * and run, and what was wrong, naming the part.
 *
 * <p>The template renderer and the instance data are asked for only when a template part
 * appears, so that the Jinja engine is not even loaded otherwise.
 */
public final class UserDataProcessor {
    private final IncludeFetcher fetcher;
    private final IncludeOnceCache cache;
    private final Supplier<TemplateRenderer> renderer;
    private final UserDataLimits limits;

    /**
     * @param fetcher  fetches {@code #include} URLs (timeouts and retries are its business)
     * @param cache    keeps {@code #include-once} content
     * @param renderer gives the Jinja renderer; called at most once, and only for a template part;
     *                 may return null when none is installed
     * @param limits   bounds against hostile input
     */
    public UserDataProcessor(IncludeFetcher fetcher, IncludeOnceCache cache, Supplier<TemplateRenderer> renderer,
            UserDataLimits limits) {
        this.fetcher = fetcher == null ? IncludeFetcher.NONE : fetcher;
        this.cache = cache == null ? IncludeOnceCache.NONE : cache;
        this.renderer = memoize(renderer == null ? () -> null : renderer);
        this.limits = limits == null ? UserDataLimits.DEFAULT : limits;
    }

    /** Processes a blob without instance data (templates cannot be rendered) or launch index. */
    public ProcessedUserData process(UserDataKind kind, byte[] raw) {
        return process(kind, raw, () -> null, null);
    }

    /**
     * Processes one blob.
     *
     * @param kind         which blob it is
     * @param raw          the raw bytes as the datasource gave them, or null
     * @param instanceData instance data (the sensitive one) as parsed JSON, for templates; asked
     *                     for only if a template part appears; may return null
     * @param launchIndex  the instance's {@code launch-index} from metadata, or null for no filtering
     */
    public ProcessedUserData process(UserDataKind kind, byte[] raw, Supplier<Map<String, Object>> instanceData,
            Integer launchIndex) {
        PartCollector collector = new PartCollector(kind, fetcher, cache, limits);
        collector.collect(raw);
        PartDispatcher dispatcher = new PartDispatcher(kind, renderer, instanceData, limits);
        dispatcher.dispatch(collector.parts(), launchIndex);
        List<Finding> findings = new ArrayList<>(collector.findings());
        findings.addAll(dispatcher.findings);
        return new ProcessedUserData(kind, collector.parts(), dispatcher.cloudConfigs, dispatcher.scripts,
                dispatcher.boothooks, dispatcher.partHandlers, findings);
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private boolean done;
            private T value;

            @Override
            public synchronized T get() {
                if (!done) {
                    done = true;
                    value = s.get();
                }
                return value;
            }
        };
    }
}
