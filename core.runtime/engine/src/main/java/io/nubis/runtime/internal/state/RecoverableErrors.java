package io.nubis.runtime.internal.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.nubis.api.logging.LogOutput;
import io.nubis.api.logging.LogRecord;

/**
 * Collects WARNING and higher log records as the reference's LogExporter does, for
 * {@code status.json} {@code recoverable_errors}: level name to messages, in order, without
 * duplicates. Registered as a {@link LogOutput} listener while the process runs stages.
 */
public final class RecoverableErrors implements Consumer<LogRecord>, AutoCloseable {
    private final Map<String, LinkedHashSet<String>> byLevel = new LinkedHashMap<>();
    private boolean registered;

    /** A collector; call {@link #register()} to receive log records. */
    public RecoverableErrors() {
    }

    /** Starts receiving records from the log output. */
    public RecoverableErrors register() {
        LogOutput.addListener(this);
        registered = true;
        return this;
    }

    @Override
    public synchronized void accept(LogRecord r) {
        byLevel.computeIfAbsent(r.level().name(), k -> new LinkedHashSet<>()).add(r.message());
    }

    /** Records collected since the last {@link #drain()}, and forgets them. */
    public synchronized Map<String, List<String>> drain() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byLevel.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        byLevel.clear();
        return out;
    }

    /** True if anything has been collected since the last drain. */
    public synchronized boolean isEmpty() {
        return byLevel.isEmpty();
    }

    @Override
    public void close() {
        if (registered) {
            LogOutput.removeListener(this);
            registered = false;
        }
    }
}
