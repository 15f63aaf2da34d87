package io.nubis.runtime.internal.report;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.logging.LogLevel;
import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;

/**
 * The reference's {@code log} handler: writes {@link ReportEvent#asString()} to the log at the
 * configured {@code level} (default DEBUG), the {@code start:}/{@code finish:} lines that
 * {@code cloud-init analyze} reads.
 */
final class LogHandler implements ReportingHandler {
    private static final Logger LOG = LoggerFactory.getLogger("handlers");

    @Override
    public void publish(ReportEvent event, Map<String, Object> config) {
        LogLevel level = LogLevel.DEBUG;
        Object l = config.get("level");
        if (l != null) {
            try {
                level = LogLevel.parse(String.valueOf(l));
            } catch (IllegalArgumentException e) {
                level = LogLevel.DEBUG;
            }
        }
        String line = event.asString();
        switch (level) {
            case TRACE -> LOG.trace(line);
            case DEBUG -> LOG.debug(line);
            case INFO -> LOG.info(line);
            case WARNING, DEPRECATED -> LOG.warn(line);
            default -> LOG.error(line);
        }
    }
}
