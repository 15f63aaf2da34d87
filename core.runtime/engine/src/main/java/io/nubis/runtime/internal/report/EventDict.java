package io.nubis.runtime.internal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import io.nubis.api.report.ReportEvent;

/** The reference's {@code as_dict()} of an event, in its key order. */
public final class EventDict {
    /** The {@code origin} of every event the agent reports. */
    public static final String ORIGIN = "cloudinit";

    private EventDict() {
    }

    /**
     * {@code name}, {@code description}, {@code event_type}, {@code origin}, {@code timestamp},
     * and for finish events {@code result} and {@code duration} (seconds, 4 decimals).
     */
    public static Map<String, Object> of(ReportEvent e) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", e.name());
        d.put("description", e.description());
        d.put("event_type", e.eventType());
        d.put("origin", ORIGIN);
        d.put("timestamp", e.timestamp());
        if (e.result() != null) {
            d.put("result", e.result().name());
            d.put("duration", BigDecimal.valueOf(e.duration()).setScale(4, RoundingMode.HALF_EVEN).doubleValue());
        }
        return d;
    }
}
