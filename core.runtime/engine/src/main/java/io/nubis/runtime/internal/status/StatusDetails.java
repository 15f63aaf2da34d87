package io.nubis.runtime.internal.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code status} reports, worked out from {@code status.json}, {@code result.json},
 * the disable markers and (on systemd) the stage units.
 *
 * @param running           whether the stages have run
 * @param condition         healthy, degraded or error
 * @param boot              why the agent is enabled or disabled
 * @param description       the {@code detail} line
 * @param errors            errors of all stages
 * @param recoverableErrors warnings and deprecations of all stages, by level
 * @param lastUpdate        RFC 2822 time of the latest stage event, or empty
 * @param datasource        datasource name in lower case without the {@code DataSource} prefix;
 *                          null if status.json says null, empty if there is no status.json
 * @param v1                the {@code v1} object of status.json without {@code datasource}
 */
public record StatusDetails(RunningStatus running, Condition condition, BootStatus boot, String description,
        List<String> errors, Map<String, List<String>> recoverableErrors, String lastUpdate, String datasource,
        Map<String, Object> v1) {

    /** The {@code status} value: {@code error} in the error condition, else the running status. */
    public String status() {
        return condition == Condition.ERROR ? "error" : running.text();
    }

    /** The {@code extended_status} value ({@code "degraded done"}, {@code "error - running"}...). */
    public String extendedStatus() {
        if (condition == Condition.ERROR) {
            return condition.text() + " - " + running.text();
        }
        if (condition == Condition.DEGRADED && (running == RunningStatus.DONE || running == RunningStatus.RUNNING)) {
            return condition.text() + " " + running.text();
        }
        return running.text();
    }

    /** The mapping printed by {@code --format json|yaml}. */
    public Map<String, Object> asDict() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("datasource", datasource);
        d.put("boot_status_code", boot.code());
        d.put("status", status());
        d.put("extended_status", extendedStatus());
        d.put("detail", description);
        d.put("errors", errors);
        d.put("recoverable_errors", recoverableErrors);
        d.put("last_update", lastUpdate);
        d.putAll(v1);
        return d;
    }
}
