package io.nubis.runtime.internal.analyze;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns cloud-init.log lines into reporting events, as the reference's {@code analyze dump}:
 * a line counts if it has {@code " - "}, {@code " [CLOUDINIT] "} or {@code " cloud-init["}; stage
 * banners ({@code Cloud-init v. X running 'init' at ...}) become start events of the stage
 * ({@code init} is named {@code init-network}, {@code :} becomes {@code -}); {@code start:} and
 * {@code finish:} reporting records become events with their name, description and result.
 * Timestamps: {@code 2016-09-12 14:39:20,839} (the agent's own format, UTC), syslog
 * {@code Sep 12 14:39:20} (current year) and journal {@code Sep 12 14:39:20.839} forms, and ISO
 * 8601 with an offset. Unparseable candidate lines are skipped with a notice.
 */
public final class LogEvents {
    /** Descriptions of stage start events, by stage name. */
    static final Map<String, String> STAGE_DESCRIPTIONS = Map.of(
            "finished", "finished running cloud-init",
            "init-local", "starting search for local datasources",
            "init-network", "searching for network datasources",
            "init", "searching for network datasources",
            "modules-config", "running config modules",
            "modules-final", "finalizing modules",
            "modules", "running modules for",
            "single", "running single module ");
    private static final String[] SEPARATORS = {" - ", " [CLOUDINIT] ", " cloud-init["};
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss,").appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, false)
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SYSLOG = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d HH:mm:ss").optionalStart().appendLiteral('.')
            .appendFraction(ChronoField.MICRO_OF_SECOND, 1, 6, false).optionalEnd().appendPattern(" yyyy")
            .toFormatter(Locale.ENGLISH);

    private final int year;
    private final Consumer<String> skipped;

    /**
     * @param year    the year for syslog timestamps, which have none
     * @param skipped told about each candidate line that could not be parsed
     */
    public LogEvents(int year, Consumer<String> skipped) {
        this.year = year;
        this.skipped = skipped;
    }

    /** The events of a whole log, in log order. */
    public List<Map<String, Object>> parse(String log) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : log.split("\n", -1)) {
            if (!(line.contains("start:") || line.contains("finish:") || line.contains("Cloud-init v."))) {
                continue;
            }
            try {
                Map<String, Object> event = parseLine(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                if (event != null) {
                    events.add(event);
                }
            } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
                skipped.accept(line);
            }
        }
        return events;
    }

    /** One line's event, or null if the line is not an event line. */
    Map<String, Object> parseLine(String line) {
        String sep = null;
        for (String s : SEPARATORS) {
            if (line.contains(s)) {
                sep = s;
                break;
            }
        }
        if (sep == null) {
            return null;
        }
        int at = line.indexOf(sep);
        String timehost = line.substring(0, at);
        String eventstr = line.substring(at + sep.length());
        if (timehost.endsWith(":")) {
            String[] parts = timehost.trim().split("\\s+");
            timehost = String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1));
        }
        String timestamp;
        int comma = timehost.indexOf(',');
        if (comma >= 0) {
            String extra = timehost.substring(comma + 1);
            timestamp = timehost.substring(0, comma) + "," + extra.trim().split("\\s+")[0];
        } else {
            String[] parts = timehost.trim().split("\\s+");
            String hostname = parts[parts.length - 1];
            if (sep.equals(" cloud-init[")) {
                timestamp = timehost.trim();
                String[] rest = eventstr.trim().split("\\s+", 2);
                eventstr = rest.length > 1 ? rest[1] : "";
            } else {
                timestamp = timehost.substring(0, timehost.lastIndexOf(hostname)).trim();
            }
        }
        String eventType;
        String name;
        String description;
        if (eventstr.contains("Cloud-init v.")) {
            eventType = "start";
            int running = eventstr.indexOf("running");
            if (running < 0) {
                return null;
            }
            String stageAndTime = eventstr.substring(running + "running".length()).stripLeading();
            int atWord = stageAndTime.indexOf(" at ");
            if (atWord < 0) {
                throw new IllegalArgumentException("banner without ' at '");
            }
            name = stageAndTime.substring(0, atWord).replace("'", "").replace(':', '-');
            if (name.equals("init")) {
                name = "init-network";
            }
            description = STAGE_DESCRIPTIONS.get(name);
            if (description == null) {
                throw new IllegalArgumentException("unknown stage " + name);
            }
        } else {
            String[] words = eventstr.trim().split("\\s+");
            if (words.length < 3) {
                throw new IllegalArgumentException("short event line");
            }
            eventType = strip(words[1]);
            name = words[2];
            if (!eventType.equals("start") && !eventType.equals("finish")) {
                return null;
            }
            int n = eventstr.indexOf(name, eventstr.indexOf(words[1]) + words[1].length());
            description = eventstr.substring(n + name.length()).trim();
            name = strip(name);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", name);
        event.put("description", description);
        event.put("timestamp", timestamp(timestamp));
        event.put("origin", "cloudinit");
        event.put("event_type", eventType);
        if (eventType.equals("finish")) {
            int colon = description.indexOf(':');
            String result = colon < 0 ? description : description.substring(0, colon);
            String rest = description.substring(result.length());
            while (rest.startsWith(":")) {
                rest = rest.substring(1);
            }
            event.put("result", result);
            event.put("description", rest.strip());
        }
        return event;
    }

    private static String strip(String word) {
        return word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
    }

    /** Seconds since the epoch (UTC) of a log timestamp. */
    double timestamp(String text) {
        String first = text.trim().split("\\s+")[0];
        if (MONTHS.contains(first)) {
            LocalDateTime t = LocalDateTime.parse(text.trim().replaceAll("\\s+", " ") + " " + year, SYSLOG);
            return seconds(t);
        }
        if (text.contains(",")) {
            return seconds(LocalDateTime.parse(text.trim(), ASCTIME));
        }
        OffsetDateTime t = OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return t.toEpochSecond() + t.getNano() / 1e9;
    }

    private static double seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) + t.getNano() / 1e9;
    }
}
