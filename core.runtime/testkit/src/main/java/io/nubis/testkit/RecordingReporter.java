package io.nubis.testkit;

import java.util.List;

import io.nubis.api.report.Reporter;
import io.nubis.api.report.Result;

/**
 * Records reporting events as the reference's one-line strings, names relative to the module:
 * {@code start: NAME: DESC} and {@code finish: NAME: RESULT: DESC}. A child's WARN or FAIL
 * propagates to its parent.
 */
final class RecordingReporter implements Reporter {
    private final String prefix;
    private final List<String> events;
    private final RecordingScope parent;

    RecordingReporter(String prefix, List<String> events, RecordingScope parent) {
        this.prefix = prefix;
        this.events = events;
        this.parent = parent;
    }

    @Override
    public Scope start(String name, String description) {
        String full = prefix.isEmpty() ? name : prefix + "/" + name;
        events.add("start: " + full + ": " + description);
        return new RecordingScope(full, description, events, parent);
    }

    /** One open scope. */
    static final class RecordingScope implements Scope {
        private final String name;
        private final List<String> events;
        private final RecordingScope parent;
        private String description;
        private Result result = Result.SUCCESS;
        private Result worstChild = Result.SUCCESS;
        private boolean closed;

        RecordingScope(String name, String description, List<String> events, RecordingScope parent) {
            this.name = name;
            this.description = description;
            this.events = events;
            this.parent = parent;
        }

        @Override
        public synchronized void result(Result r, String desc) {
            result = r == null ? Result.SUCCESS : r;
            if (desc != null) {
                description = desc;
            }
        }

        @Override
        public Reporter children() {
            return new RecordingReporter(name, events, this);
        }

        synchronized void childFinished(Result r) {
            worstChild = worst(worstChild, r);
        }

        @Override
        public void close() {
            Result effective;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                effective = worst(result, worstChild);
            }
            events.add("finish: " + name + ": " + effective + ": " + description);
            if (parent != null) {
                parent.childFinished(effective);
            }
        }

        private static Result worst(Result a, Result b) {
            return a.ordinal() >= b.ordinal() ? a : b;
        }
    }
}
