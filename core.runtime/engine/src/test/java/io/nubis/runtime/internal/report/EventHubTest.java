package io.nubis.runtime.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.nubis.api.report.ReportEvent;
import io.nubis.api.report.ReportingHandler;
import io.nubis.api.report.Result;

class EventHubTest {
    final List<String> got = new ArrayList<>();

    final ReportingHandler recorder = new ReportingHandler() {
        @Override
        public void publish(ReportEvent e, Map<String, Object> cfg) {
            got.add(cfg.get("endpoint") + " " + e.asString() + (e.result() == null ? "" : " " + e.duration()));
        }
    };

    @Test
    void configureReplacesAndRemovesHandlers() {
        EventHub hub = new EventHub(type -> "webhook".equals(type) ? Optional.of(recorder) : Optional.empty());
        assertEquals(Set.of("logging"), hub.names());
        hub.configure(Map.of("logging", false, "hook", Map.of("type", "webhook", "endpoint", "http://x"),
                "bad", "yes", "unknown", Map.of("type", "hyperv"), "print", Map.of("type", "print")));
        assertEquals(Set.of("hook", "print"), hub.names());
        hub.configure(Map.of("print", Map.of()));
        assertEquals(Set.of("hook"), hub.names());
        hub.configure("not a mapping");
        assertEquals(Set.of("hook"), hub.names());
    }

    @Test
    void scopesNestNamesAndRaiseResults() {
        EventHub hub = new EventHub(type -> Optional.of(recorder));
        hub.configure(Map.of("logging", false, "h", Map.of("type", "x", "endpoint", "e")));
        double[] now = {100};
        EventReporter top = new EventReporter(hub, true, () -> now[0]);
        EventReporter.ScopeImpl stage = top.start("init-network", "searching for network datasources");
        EventReporter.ScopeImpl child = (EventReporter.ScopeImpl) stage.children().start("config-ntp", "running");
        child.result(Result.WARN, "ntp: odd");
        now[0] = 101.5;
        child.close();
        child.close();
        stage.close();
        assertEquals(List.of("e start: init-network: searching for network datasources",
                "e start: init-network/config-ntp: running",
                "e finish: init-network/config-ntp: WARN: ntp: odd 1.5",
                "e finish: init-network: WARN: searching for network datasources 1.5"), got);
        assertEquals(Result.WARN, stage.effectiveResult());
    }

    @Test
    void disabledReportersSendNothing() {
        EventHub hub = new EventHub(type -> Optional.of(recorder));
        hub.configure(Map.of("logging", false, "h", Map.of("type", "x")));
        EventReporter top = new EventReporter(hub, false, () -> 0);
        EventReporter.ScopeImpl s = top.start("single/ntp", "running single module ntp");
        s.result(Result.FAIL, null);
        s.close();
        assertEquals(List.of(), got);
        assertEquals(Result.FAIL, s.effectiveResult());
    }
}
