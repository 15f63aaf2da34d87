package io.nubis.runtime.internal.status;

/** status.json / result.json in the reference's v1 format (as the stage engine writes them). */
final class StatusFixtures {
    static final String DS = "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud-net][dsmode=net]";

    static final String DONE = """
            {
             "v1": {
              "datasource": "%s",
              "init": {
               "errors": [],
               "finished": 5.68,
               "recoverable_errors": {},
               "start": 4.91
              },
              "init-local": {
               "errors": [],
               "finished": 3.86,
               "recoverable_errors": {},
               "start": 3.12
              },
              "modules-config": {
               "errors": [],
               "finished": 6.98,
               "recoverable_errors": {},
               "start": 6.21
              },
              "modules-final": {
               "errors": [],
               "finished": 7.54,
               "recoverable_errors": {},
               "start": 7.1
              },
              "stage": null
             }
            }
            """.formatted(DS);

    static final String DEGRADED = """
            {
             "v1": {
              "datasource": "%s",
              "init": {
               "errors": [],
               "finished": 5.68,
               "recoverable_errors": {
                "DEPRECATED": ["Key 'ssh_authorized_keys' is deprecated"],
                "WARNING": ["Falling back to a hard restart\\nof networkd"]
               },
               "start": 4.91
              },
              "init-local": {
               "errors": [],
               "finished": 3.86,
               "recoverable_errors": {"WARNING": ["No local datasource found"]},
               "start": 3.12
              },
              "modules-config": {"errors": [], "finished": null, "recoverable_errors": {}, "start": null},
              "modules-final": {"errors": [], "finished": null, "recoverable_errors": {}, "start": null},
              "stage": null
             }
            }
            """.formatted(DS);

    static final String ERROR = """
            {"v1": {"datasource": "%s",
              "init": {"errors": [], "finished": 5.68, "recoverable_errors": {}, "start": 4.91},
              "init-local": {"errors": [], "finished": 3.86, "recoverable_errors": {}, "start": 3.12},
              "modules-config": {"errors": ["module runcmd failed", "module ntp failed"], "finished": 6.98,
                "recoverable_errors": {"WARNING": ["Running module runcmd failed"]}, "start": 6.21},
              "modules-final": {"errors": [], "finished": 7.54, "recoverable_errors": {}, "start": 7.1},
              "stage": null}}
            """.formatted(DS);

    static final String RUNNING = """
            {"v1": {"datasource": null,
              "init": {"errors": [], "finished": null, "recoverable_errors": {}, "start": null},
              "init-local": {"errors": [], "finished": null, "recoverable_errors": {}, "start": 3.12},
              "modules-config": {"errors": [], "finished": null, "recoverable_errors": {}, "start": null},
              "modules-final": {"errors": [], "finished": null, "recoverable_errors": {}, "start": null},
              "stage": "init-local"}}
            """;

    static final String RESULT = "{\"v1\": {\"datasource\": \"" + DS + "\", \"errors\": []}}\n";

    private StatusFixtures() {
    }
}
