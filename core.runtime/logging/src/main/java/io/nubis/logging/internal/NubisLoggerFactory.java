package io.nubis.logging.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link NubisLogger} per name, all writing to the same sink. */
final class NubisLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final LogSink sink;

    NubisLoggerFactory(LogSink sink) {
        this.sink = sink;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new NubisLogger(n, sink));
    }
}
