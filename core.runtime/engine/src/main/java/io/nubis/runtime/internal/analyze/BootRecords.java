package io.nubis.runtime.internal.analyze;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs start and finish events into records per boot, as the reference's
 * {@code analyze show}: a start event followed directly by its finish, or by its finish with only
 * other scopes' events between (modules that ran at the same time), is a leaf record printed
 * with the format; any other start event opens a stage ({@code Starting stage: X}) closed by its
 * finish ({@code Finished stage: (X) N seconds}); a stage name seen again starts a new boot
 * record. Times are rounded to microseconds as Python's datetimes are.
 */
public final class BootRecords {
    /** Format tokens and the event fields they print. */
    static final Map<String, String> TOKENS = tokens();

    private BootRecords() {
    }

    private static Map<String, String> tokens() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("%d", "delta");
        m.put("%D", "description");
        m.put("%E", "elapsed");
        m.put("%e", "event_type");
        m.put("%I", "indent");
        m.put("%l", "level");
        m.put("%n", "name");
        m.put("%o", "origin");
        m.put("%r", "result");
        m.put("%t", "timestamp");
        m.put("%T", "total_time");
        return m;
    }

    /** A printed line with the leaf record's duration, for sorting by {@code blame}. */
    public record Line(String text, double delta, boolean leaf) {
    }

    /** The records of each boot, in event order. */
    public static List<List<Line>> generate(List<Map<String, Object>> events, String format) {
        List<List<Line>> boots = new ArrayList<>();
        List<Line> records = new ArrayList<>();
        Long startTime = null;
        double total = 0;
        List<String> stagesSeen = new ArrayList<>();
        List<Map<String, Object>> unprocessed = new ArrayList<>();
        Set<Integer> paired = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> event = events.get(i);
            Map<String, Object> next = i + 1 < events.size() ? events.get(i + 1) : null;
            if ("start".equals(event.get("event_type"))) {
                if (stagesSeen.contains(name(event))) {
                    records.add(new Line(totalTime(total), 0, false));
                    boots.add(records);
                    records = new ArrayList<>();
                    startTime = null;
                    total = 0;
                }
                if (startTime == null) {
                    stagesSeen = new ArrayList<>();
                    startTime = micros(event);
                }
                int later;
                if (next != null && name(event).equals(name(next))) {
                    if ("finish".equals(next.get("event_type"))) {
                        Map<String, Object> r = record(startTime, event, next);
                        records.add(new Line(format(format, r), (Double) r.get("delta"), true));
                    }
                } else if ((later = laterFinish(events, i)) >= 0) {
                    paired.add(later);
                    Map<String, Object> r = record(startTime, event, events.get(later));
                    records.add(new Line(format(format, r), (Double) r.get("delta"), true));
                } else {
                    records.add(new Line("Starting stage: " + name(event), 0, false));
                    unprocessed.add(event);
                    stagesSeen.add(name(event));
                }
            } else {
                if (paired.contains(i) || unprocessed.isEmpty() || startTime == null) {
                    continue;
                }
                Map<String, Object> prev = unprocessed.remove(unprocessed.size() - 1);
                if (name(event).equals(name(prev))) {
                    Map<String, Object> r = record(startTime, prev, event);
                    records.add(new Line(format("Finished stage: (%n) %d seconds", r) + "\n", 0, false));
                    total += (Double) r.get("delta");
                } else {
                    unprocessed.add(prev);
                }
            }
        }
        records.add(new Line(totalTime(total), 0, false));
        boots.add(records);
        return boots;
    }

    /**
     * The index of the finish of the start event at {@code i} when only events of other scopes
     * (modules running at the same time) come between, so it is still a leaf; -1 if a child, a
     * parent or the same name comes first.
     */
    private static int laterFinish(List<Map<String, Object>> events, int i) {
        String n = name(events.get(i));
        for (int k = i + 1; k < events.size(); k++) {
            String other = name(events.get(k));
            if (other.equals(n)) {
                return "finish".equals(events.get(k).get("event_type")) ? k : -1;
            }
            if (other.startsWith(n + "/") || n.startsWith(other + "/")) {
                return -1;
            }
        }
        return -1;
    }

    private static String name(Map<String, Object> e) {
        return String.valueOf(e.get("name"));
    }

    private static String totalTime(double total) {
        return "Total Time: " + fixed(total, 3, 5, false) + " seconds\n";
    }

    /** Timestamp in whole microseconds, rounded half-even like {@code datetime.utcfromtimestamp}. */
    private static long micros(Map<String, Object> e) {
        Object t = e.get("timestamp");
        double d = t instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(t));
        return new BigDecimal(d).movePointRight(6).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static Map<String, Object> record(long startTime, Map<String, Object> start, Map<String, Object> finish) {
        Map<String, Object> r = new HashMap<>(finish);
        r.put("delta", (micros(finish) - micros(start)) / 1e6);
        r.put("elapsed", (micros(start) - startTime) / 1e6);
        int depth = (int) name(start).chars().filter(c -> c == '/').count() - 1;
        r.put("indent", "|" + " ".repeat(Math.max(0, depth)) + "`->");
        return r;
    }

    /** Python's {@code format_record}: tokens replaced by fields, times as {@code {:08.5f}}. */
    static String format(String msg, Map<String, Object> event) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < msg.length()) {
            if (msg.charAt(i) == '%' && i + 1 < msg.length() && TOKENS.containsKey(msg.substring(i, i + 2))) {
                String field = TOKENS.get(msg.substring(i, i + 2));
                Object v = event.get(field);
                if (field.equals("delta") || field.equals("elapsed") || field.equals("timestamp")) {
                    sb.append(v instanceof Number n ? fixed(n.doubleValue(), 8, 5, true) : "");
                } else {
                    sb.append(v == null ? "" : v instanceof Double d ? io.nubis.runtime.internal.pyjson.JsonWriter
                            .floatRepr(d) : String.valueOf(v));
                }
                i += 2;
            } else {
                sb.append(msg.charAt(i++));
            }
        }
        return sb.toString();
    }

    /** {@code %W.Pf}, optionally zero-padded, rounding the exact binary value half-even as Python does. */
    static String fixed(double v, int width, int precision, boolean zeroPad) {
        String s = new BigDecimal(v).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        boolean neg = s.startsWith("-");
        String digits = neg ? s.substring(1) : s;
        StringBuilder sb = new StringBuilder();
        int pad = width - s.length();
        if (zeroPad) {
            if (neg) {
                sb.append('-');
            }
            for (int k = 0; k < pad; k++) {
                sb.append('0');
            }
            return sb.append(digits).toString();
        }
        for (int k = 0; k < pad; k++) {
            sb.append(' ');
        }
        return sb.append(s).toString();
    }
}
