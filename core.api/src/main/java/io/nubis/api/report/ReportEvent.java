package io.nubis.api.report;

/**
 * A reporting event.
 *
 * @param eventType   {@code start} or {@code finish}
 * @param name        nested name with {@code /} ({@code modules-config/config-ntp})
 * @param description what is happening
 * @param timestamp   seconds since the epoch
 * @param result      the result, null for start events
 * @param duration    seconds since the matching start, for finish events
 */
public record ReportEvent(String eventType, String name, String description, double timestamp,
        Result result, double duration) {

    /** The reference's one-line form: {@code start: name: desc} or {@code finish: name: RESULT: desc}. */
    public String asString() {
        if (result == null) {
            return eventType + ": " + name + ": " + description;
        }
        return eventType + ": " + name + ": " + result + ": " + description;
    }
}
