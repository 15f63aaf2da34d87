package io.nubis.api.report;

import java.util.Map;

/**
 * Delivers events somewhere (log, webhook, a vendor's telemetry). Registered as a DS service
 * with property {@code type} naming the {@code reporting:} handler type it implements.
 */
public interface ReportingHandler {
    /** Service property naming the handler type. */
    String TYPE = "type";

    /**
     * Delivers one event.
     *
     * @param config the handler's entry under {@code reporting:}
     */
    void publish(ReportEvent event, Map<String, Object> config);

    /** Delivers anything queued; called before the process exits. */
    default void flush() {
    }
}
