package io.nubis.runtime.internal.report;

import java.util.Map;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;

/** The reference's {@code print} handler: each event's one-line form on standard output. */
final class PrintHandler implements ReportingHandler {
    @Override
    public void publish(ReportEvent event, Map<String, Object> config) {
        System.out.println(event.asString());
    }
}
