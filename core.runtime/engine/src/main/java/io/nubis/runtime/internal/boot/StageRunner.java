package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.report.Reporter;
import io.nubis.api.report.Result;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.report.EventReporter;
import io.nubis.runtime.internal.state.StatusStore;

/**
 * Wraps one stage as the reference's {@code main} and {@code status_wrapper} do: the welcome
 * banner, the stage's reporting scope ({@code init-local}, {@code init-network},
 * {@code modules-config}...), {@code status.json} written before and after (start and finish
 * uptimes, errors, recoverable errors collected from WARNING and higher log records, the
 * datasource), {@code result.json} after the final stage. An exception escaping the stage is
 * logged and becomes one of its errors. The exit code is the number of errors.
 */
public final class StageRunner {
    private static final Logger LOG = LoggerFactory.getLogger("main");

    private StageRunner() {
    }

    /**
     * What a stage did.
     *
     * @param errors     its errors, as stage errors are written in status.json
     * @param datasource the datasource description, or null if none is known
     */
    public record Outcome(List<String> errors, String datasource) {
        /** Copies the errors. */
        public Outcome {
            errors = List.copyOf(errors);
        }
    }

    /** The stage's work. */
    @FunctionalInterface
    public interface Work {
        /** Runs the stage, sending nested events to {@code reporter}. */
        Outcome run(Reporter reporter) throws Exception;
    }

    /**
     * Describes a stage.
     *
     * @param statusKey  key in status.json ({@code init-local}...), or null for no status (single)
     * @param action     name in the banner ({@code init-local}, {@code init}, {@code modules:config})
     * @param reportName top reporting scope ({@code init-network})
     * @param reportDesc its description
     * @param reporting  whether events are sent
     */
    public record Stage(String statusKey, String action, String reportName, String reportDesc, boolean reporting) {
    }

    /** Runs a stage; returns the number of its errors. */
    public static int run(BootSession s, CloudPaths paths, Stage stage, Work work) {
        Clock clock = s.clock();
        welcome(s, stage.action());
        StatusStore status = new StatusStore(s.target(), paths);
        if (stage.statusKey() != null) {
            try {
                status.begin(stage.statusKey(), clock.uptime());
            } catch (IOException e) {
                LOG.warn("Cannot write {}: {}", paths.statusJson(), e.getMessage());
            }
        }
        EventReporter top = new EventReporter(s.hub(), stage.reporting(), clock::epochSeconds);
        List<String> errors = new ArrayList<>();
        String datasource = null;
        double started = clock.uptime();
        EventReporter.ScopeImpl scope = top.start(stage.reportName(), stage.reportDesc());
        try {
            Outcome o = work.run(scope.children());
            errors.addAll(o.errors());
            datasource = o.datasource();
        } catch (Exception | LinkageError e) {
            LOG.error("failed stage {}: {}", stage.reportName(), e.getMessage() == null ? e.toString() : e.getMessage());
            LOG.debug("failed stage {}", stage.reportName(), e);
            s.err().println("failed run of stage " + stage.reportName());
            errors.add(e.getMessage() == null ? e.toString() : e.getMessage());
            scope.result(Result.FAIL, null);
        } finally {
            if (!errors.isEmpty()) {
                scope.result(Result.FAIL, null);
            }
            scope.close();
        }
        LOG.debug("cloud-init mode '{}' took {} seconds ({})", stage.action().replaceAll(":.*", ""),
                String.format(Locale.ROOT, "%.3f", Math.max(0, clock.uptime() - started)),
                String.format(Locale.ROOT, "%.2f", Math.max(0, clock.uptime() - started)));
        if (stage.statusKey() == null) {
            s.recoverable().drain();
            return errors.size();
        }
        try {
            return status.finish(stage.statusKey(), clock.uptime(), errors, datasource, s.recoverable().drain());
        } catch (IOException e) {
            LOG.warn("Cannot write {}: {}", paths.statusJson(), e.getMessage());
            return errors.size();
        }
    }

    /** The banner: {@code Cloud-init v. 22.4 running 'init' at <RFC 2822>. Up 12.34 seconds.} */
    static void welcome(BootSession s, String action) {
        String msg = "Cloud-init v. " + BootSession.VERSION + " running '" + action + "' at " + s.clock().rfc2822()
                + ". Up " + s.clock().uptimeText() + " seconds.";
        LoggerFactory.getLogger("util").debug(msg);
        s.output().accept(msg);
    }
}
