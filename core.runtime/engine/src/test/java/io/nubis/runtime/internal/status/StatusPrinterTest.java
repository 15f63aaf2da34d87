package io.nubis.runtime.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatusPrinterTest {
    private static StatusDetails degraded() {
        return degraded("first\nline");
    }

    private static StatusDetails degraded(String first) {
        Map<String, List<String>> rec = new LinkedHashMap<>();
        rec.put("WARNING", List.of(first, "second"));
        rec.put("DEPRECATED", List.of("old key"));
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("start", 4.91);
        stage.put("finished", 5.68);
        stage.put("errors", List.of());
        stage.put("recoverable_errors", Map.of("WARNING", List.of(first)));
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("init", stage);
        v1.put("stage", null);
        return new StatusDetails(RunningStatus.DONE, Condition.DEGRADED, BootStatus.ENABLED_BY_GENERATOR,
                "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud-net][dsmode=net]", List.of(), rec,
                "Tue, 14 Nov 2023 22:13:27 +0000", "nocloud", v1);
    }

    @Test
    void tabularShortAndLong() {
        StatusDetails d = degraded();
        assertEquals("status: done\n", StatusPrinter.render(d, StatusPrinter.Format.TABULAR, false, false));
        assertEquals("\nstatus: done\n", StatusPrinter.render(d, StatusPrinter.Format.TABULAR, false, true));
        assertEquals("""
                status: done
                extended_status: degraded done
                boot_status_code: enabled-by-generator
                last_update: Tue, 14 Nov 2023 22:13:27 +0000
                detail: DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud-net][dsmode=net]
                errors: []
                recoverable_errors:
                WARNING:
                \t- first line
                \t- second
                DEPRECATED:
                \t- old key
                """, StatusPrinter.render(d, StatusPrinter.Format.TABULAR, true, false));
    }

    @Test
    void tabularLongWithErrorsAndNoLastUpdate() {
        StatusDetails d = new StatusDetails(RunningStatus.RUNNING, Condition.ERROR, BootStatus.ENABLED_BY_SYSVINIT,
                "Running in stage: init", List.of("e1", "e2"), Map.of(), "", null, Map.of());
        assertEquals("""
                status: error
                extended_status: error - running
                boot_status_code: enabled-by-sysvinit
                detail: Running in stage: init
                errors:
                \t- e1
                \t- e2
                recoverable_errors: {}
                """, StatusPrinter.render(d, StatusPrinter.Format.TABULAR, true, false));
    }

    @Test
    void jsonIsSortedWithIndentTwo() {
        assertEquals("""
                {
                  "boot_status_code": "enabled-by-generator",
                  "datasource": "nocloud",
                  "detail": "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud-net][dsmode=net]",
                  "errors": [],
                  "extended_status": "degraded done",
                  "init": {
                    "errors": [],
                    "finished": 5.68,
                    "recoverable_errors": {
                      "WARNING": [
                        "first\\nline"
                      ]
                    },
                    "start": 4.91
                  },
                  "last_update": "Tue, 14 Nov 2023 22:13:27 +0000",
                  "recoverable_errors": {
                    "DEPRECATED": [
                      "old key"
                    ],
                    "WARNING": [
                      "first\\nline",
                      "second"
                    ]
                  },
                  "stage": null,
                  "status": "done"
                }
                """, StatusPrinter.render(degraded(), StatusPrinter.Format.JSON, false, false));
    }

    @Test
    void yamlIsADocumentWithMarkers() {
        String y = StatusPrinter.render(degraded("first: line"), StatusPrinter.Format.YAML, false, false);
        assertEquals("""
                ---
                boot_status_code: enabled-by-generator
                datasource: nocloud
                detail: DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud-net][dsmode=net]
                errors: []
                extended_status: degraded done
                init:
                    errors: []
                    finished: 5.68
                    recoverable_errors:
                        WARNING:
                        - 'first: line'
                    start: 4.91
                last_update: Tue, 14 Nov 2023 22:13:27 +0000
                recoverable_errors:
                    DEPRECATED:
                    - old key
                    WARNING:
                    - 'first: line'
                    - second
                stage: null
                status: done
                ...

                """, y);
    }
}
