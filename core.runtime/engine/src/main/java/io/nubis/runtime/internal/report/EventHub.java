package io.nubis.runtime.internal.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;

/**
 * Delivers events to the handlers configured under {@code reporting:}. The default is the
 * reference's {@code {logging: {type: log}}}; {@link #configure} applies a {@code reporting}
 * mapping over it, where a false-ish entry removes a handler. Types {@code log} and {@code print}
 * are built in; other types ({@code webhook}, {@code hyperv}, a vendor's) are looked up as
 * {@link ReportingHandler} services. A handler that throws is logged and does not stop the others.
 */
public final class EventHub {
    private static final Logger LOG = LoggerFactory.getLogger("reporting");

    private final Function<String, Optional<ReportingHandler>> lookup;
    private final Map<String, Registered> handlers = new LinkedHashMap<>();

    /** @param lookup finds the handler service for a type other than log and print */
    public EventHub(Function<String, Optional<ReportingHandler>> lookup) {
        this.lookup = lookup;
        handlers.put("logging", new Registered(new LogHandler(), Map.of("type", "log")));
    }

    /** Applies a {@code reporting:} mapping. Bad entries are logged with their key and skipped. */
    public synchronized void configure(Object reporting) {
        if (reporting == null) {
            return;
        }
        if (!(reporting instanceof Map<?, ?> m)) {
            LOG.warn("reporting: expected a mapping of handler names to settings, got {}",
                    io.nubis.api.config.Values.typeName(reporting));
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v == null || Boolean.FALSE.equals(v) || (v instanceof Map<?, ?> mm && mm.isEmpty())) {
                handlers.remove(name);
                continue;
            }
            if (!(v instanceof Map<?, ?> cfg)) {
                LOG.warn("reporting.{}: expected a mapping with a type, got {}", name,
                        io.nubis.api.config.Values.typeName(v));
                continue;
            }
            Object type = cfg.get("type");
            if (!(type instanceof String t) || t.isEmpty()) {
                LOG.warn("reporting.{}: no handler type given", name);
                continue;
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            cfg.forEach((k, x) -> settings.put(String.valueOf(k), x));
            Optional<ReportingHandler> h = builtIn(t).or(() -> lookup.apply(t));
            if (h.isEmpty()) {
                LOG.warn("reporting.{}: no reporting handler of type '{}' in this assembly", name, t);
                continue;
            }
            handlers.put(name, new Registered(h.get(), settings));
        }
    }

    private static Optional<ReportingHandler> builtIn(String type) {
        switch (type) {
            case "log":
                return Optional.of(new LogHandler());
            case "print":
                return Optional.of(new PrintHandler());
            default:
                return Optional.empty();
        }
    }

    /** Names of the configured handlers. */
    public synchronized java.util.Set<String> names() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    /** Sends an event to every handler. */
    public void publish(ReportEvent event) {
        Map<String, Registered> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(handlers);
        }
        snapshot.forEach((name, r) -> {
            try {
                r.handler.publish(event, r.config);
            } catch (RuntimeException ex) {
                LOG.warn("reporting handler {} failed: {}", name, ex.toString());
            }
        });
    }

    /** Flushes every handler (before the process exits). */
    public void flush() {
        Map<String, Registered> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(handlers);
        }
        snapshot.forEach((name, r) -> {
            try {
                r.handler.flush();
            } catch (RuntimeException ex) {
                LOG.warn("reporting handler {} failed to flush: {}", name, ex.toString());
            }
        });
    }

    private record Registered(ReportingHandler handler, Map<String, Object> config) {
    }
}
