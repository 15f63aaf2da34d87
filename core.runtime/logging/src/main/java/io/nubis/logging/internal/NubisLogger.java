package io.nubis.logging.internal;

import java.util.List;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

import io.nubis.api.logging.LogLevel;
import io.nubis.api.logging.LogMarkers;

/** An SLF4J logger writing to the {@link LogSink}; markers CRITICAL and DEPRECATED pick those levels. */
final class NubisLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    private final transient LogSink sink;
    private final String filename;

    NubisLogger(String name, LogSink sink) {
        this.name = name;
        this.sink = sink;
        this.filename = LineFormat.filename(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return sink.enabled(LogLevel.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return sink.enabled(LogLevel.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return sink.enabled(LogLevel.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return sink.enabled(LogLevel.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return sink.enabled(LogLevel.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
            Throwable thrown) {
        LogLevel l = toLevel(level, marker != null && marker.contains(LogMarkers.CRITICAL_NAME),
                marker != null && marker.contains(LogMarkers.DEPRECATED_NAME));
        sink.log(filename, name, l, format(pattern, args), thrown);
    }

    @Override
    public void log(LoggingEvent event) {
        boolean critical = false;
        boolean deprecated = false;
        List<Marker> markers = event.getMarkers();
        if (markers != null) {
            for (Marker m : markers) {
                critical |= m.contains(LogMarkers.CRITICAL_NAME);
                deprecated |= m.contains(LogMarkers.DEPRECATED_NAME);
            }
        }
        LogLevel l = toLevel(event.getLevel(), critical, deprecated);
        if (!sink.enabled(l)) {
            return;
        }
        String msg = format(event.getMessage(), event.getArgumentArray());
        List<KeyValuePair> kvs = event.getKeyValuePairs();
        if (kvs != null && !kvs.isEmpty()) {
            StringBuilder sb = new StringBuilder(msg);
            for (KeyValuePair kv : kvs) {
                sb.append(' ').append(kv.key).append('=').append(kv.value);
            }
            msg = sb.toString();
        }
        sink.log(filename, name, l, msg, event.getThrowable());
    }

    private static String format(String pattern, Object[] args) {
        return args == null || args.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, args);
    }

    static LogLevel toLevel(Level level, boolean critical, boolean deprecated) {
        switch (level) {
            case TRACE:
                return LogLevel.TRACE;
            case DEBUG:
                return LogLevel.DEBUG;
            case INFO:
                return LogLevel.INFO;
            case WARN:
                return deprecated ? LogLevel.DEPRECATED : LogLevel.WARNING;
            default:
                return critical ? LogLevel.CRITICAL : LogLevel.ERROR;
        }
    }
}
