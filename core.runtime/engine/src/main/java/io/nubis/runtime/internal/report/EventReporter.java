package io.nubis.runtime.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.Reporter;
import io.nubis.api.report.Result;

/**
 * The reference's {@code ReportEventStack}: each scope sends a start event when opened and a
 * finish event when closed, named with its parents' names joined by {@code /}
 * ({@code init-local/search-NoCloud}). The finish event carries the scope's message (its
 * description unless {@link Scope#result} gave another) and its result, raised to the worst result
 * of its children. A disabled reporter (as {@code single} without {@code --report}) sends nothing
 * but still tracks results. Scopes may be opened and closed from several threads (modules
 * running at the same time).
 */
public final class EventReporter implements Reporter {
    private final String prefix;
    private final EventHub hub;
    private final boolean enabled;
    private final DoubleSupplier clock;
    private final ScopeImpl parent;

    /**
     * A top-level reporter.
     *
     * @param hub     where events go
     * @param enabled whether events are sent
     * @param clock   seconds since the epoch
     */
    public EventReporter(EventHub hub, boolean enabled, DoubleSupplier clock) {
        this("", hub, enabled, clock, null);
    }

    private EventReporter(String prefix, EventHub hub, boolean enabled, DoubleSupplier clock, ScopeImpl parent) {
        this.prefix = prefix;
        this.hub = hub;
        this.enabled = enabled;
        this.clock = clock;
        this.parent = parent;
    }

    @Override
    public ScopeImpl start(String name, String description) {
        String full = prefix.isEmpty() ? name : prefix + "/" + name;
        ScopeImpl s = new ScopeImpl(full, description, clock.getAsDouble());
        if (parent != null) {
            synchronized (parent) {
                parent.children.add(s);
            }
        }
        if (enabled) {
            hub.publish(new ReportEvent("start", full, description, s.started, null, 0));
        }
        return s;
    }

    /** An open scope. */
    public final class ScopeImpl implements Scope {
        private final String fullName;
        private final String description;
        private final double started;
        private final List<ScopeImpl> children = new ArrayList<>();
        private Result result = Result.SUCCESS;
        private String message;
        private boolean closed;
        private Result finalResult;

        ScopeImpl(String fullName, String description, double started) {
            this.fullName = fullName;
            this.description = description;
            this.started = started;
        }

        /** The full name ({@code modules-config/config-ntp}). */
        public String fullName() {
            return fullName;
        }

        @Override
        public synchronized void result(Result r, String desc) {
            if (r != null) {
                result = r;
            }
            if (desc != null) {
                message = desc;
            }
        }

        /** Sets the finish message without changing the result. */
        public synchronized void message(String desc) {
            message = desc;
        }

        @Override
        public Reporter children() {
            return new EventReporter(fullName, hub, enabled, clock, this);
        }

        /** The result the finish event carried, or will carry: own result raised to the worst child result. */
        public synchronized Result effectiveResult() {
            if (finalResult != null) {
                return finalResult;
            }
            Result worst = result;
            for (ScopeImpl c : children) {
                worst = worse(worst, c.effectiveResult());
            }
            return worst;
        }

        @Override
        public void close() {
            Result r;
            String msg;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                r = effectiveResult();
                finalResult = r;
                msg = message == null ? description : message;
            }
            if (enabled) {
                double now = clock.getAsDouble();
                hub.publish(new ReportEvent("finish", fullName, msg, now, r, Math.max(0, now - started)));
            }
        }
    }

    static Result worse(Result a, Result b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
