package io.nubis.runtime.internal.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.nubis.runtime.internal.pyjson.JsonException;
import io.nubis.runtime.internal.pyjson.JsonReader;
import io.nubis.runtime.internal.pyjson.JsonWriter;

/**
 * {@code analyze show|blame|dump}: reads events from cloud-init.log (or from a JSON file that
 * {@code dump} wrote) and prints them in the reference's formats. The input and output are host
 * files, or {@code -} for stdin/stdout.
 */
public final class AnalyzeTool {
    /** Default {@code show} format. */
    public static final String DEFAULT_FORMAT = "%I%D @%Es +%ds";
    static final String BLAME_FORMAT = "     %ds (%n)";

    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream err;
    private final int year;

    /**
     * @param year the year assumed for syslog-style timestamps
     */
    public AnalyzeTool(InputStream stdin, PrintStream stdout, PrintStream err, int year) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.err = err;
        this.year = year;
    }

    /** The sub-commands. */
    public enum Mode {
        SHOW, BLAME, DUMP
    }

    /**
     * Runs one sub-command.
     *
     * @param infile  host path of the log, or {@code -}
     * @param outfile host path to write, or {@code -}
     * @param format  the {@code show} format
     * @return the exit code: 0, or 1 if a file cannot be opened
     */
    public int run(Mode mode, String infile, String outfile, String format) {
        String input;
        try {
            input = infile.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(infile), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.print("Cannot open file " + infile + "\n");
            return 1;
        }
        List<Map<String, Object>> events = events(input);
        String text = switch (mode) {
            case DUMP -> JsonWriter.ciDumps(events) + "\n";
            case SHOW -> show(events, format);
            case BLAME -> blame(events);
        };
        if (outfile.equals("-")) {
            stdout.print(text);
            stdout.flush();
            return 0;
        }
        try {
            Files.writeString(Path.of(outfile), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            err.print("Cannot open file " + outfile + "\n");
            return 1;
        }
        return 0;
    }

    /** Events from a JSON event list (as {@code dump} writes) or else from log lines. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events(String input) {
        String trimmed = input.trim();
        if (trimmed.startsWith("[")) {
            try {
                Object parsed = JsonReader.parse(trimmed, "events");
                if (parsed instanceof List<?> list && !list.isEmpty()
                        && list.stream().allMatch(o -> o instanceof Map)) {
                    return (List<Map<String, Object>>) parsed;
                }
            } catch (JsonException e) {
                // not JSON: parse it as a log
            }
        }
        return new LogEvents(year, line -> err.print("Skipping invalid entry\n")).parse(input);
    }

    static String show(List<Map<String, Object>> events, String format) {
        StringBuilder sb = new StringBuilder();
        List<List<BootRecords.Line>> boots = BootRecords.generate(events, format);
        for (int i = 0; i < boots.size(); i++) {
            sb.append(String.format("-- Boot Record %02d --\n", i + 1));
            sb.append("The total time elapsed since completing an event is printed after the \"@\" character.\n");
            sb.append("The time the event takes is printed after the \"+\" character.\n\n");
            List<String> lines = new ArrayList<>();
            for (BootRecords.Line l : boots.get(i)) {
                lines.add(l.text());
            }
            sb.append(String.join("\n", lines)).append('\n');
        }
        return sb.append(boots.size()).append(" boot records analyzed\n").toString();
    }

    static String blame(List<Map<String, Object>> events) {
        StringBuilder sb = new StringBuilder();
        List<List<BootRecords.Line>> boots = BootRecords.generate(events, BLAME_FORMAT);
        for (int i = 0; i < boots.size(); i++) {
            List<BootRecords.Line> leaves = new ArrayList<>();
            for (BootRecords.Line l : boots.get(i)) {
                if (l.leaf()) {
                    leaves.add(l);
                }
            }
            leaves.sort(Comparator.comparingDouble(BootRecords.Line::delta).reversed()
                    .thenComparing(BootRecords.Line::text, Comparator.reverseOrder()));
            List<String> lines = new ArrayList<>();
            for (BootRecords.Line l : leaves) {
                lines.add(l.text());
            }
            sb.append(String.format("-- Boot Record %02d --\n", i + 1));
            sb.append(String.join("\n", lines)).append("\n\n");
        }
        return sb.append(boots.size()).append(" boot records analyzed\n").toString();
    }
}
