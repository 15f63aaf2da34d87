package io.nubis.runtime.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's {@code --annotate} output: the document with {@code \t\t# E1,D1} appended to
 * each line that has problems, then {@code # Errors: -------------} and
 * {@code # Deprecations: -------------} footers listing them.
 */
final class Annotator {
    private static final Pattern FORMAT_PATH = Pattern.compile("format-l(\\d+)\\.c(\\d+).*");

    private Annotator() {
    }

    /** A document whose top level is not a mapping, with the one error the reference gives. */
    static String notAMapping(String content) {
        return content + "\n" + footer("Errors", List.of("# E1: Cloud-config is not a YAML dict."));
    }

    /** The annotated text (the original text if there is nothing to mark). */
    static String annotate(String content, boolean isMapping, Map<String, Integer> marks, List<SchemaProblem> errors,
            List<SchemaProblem> deprecations) {
        if (errors.isEmpty() && deprecations.isEmpty()) {
            return content;
        }
        if (!isMapping) {
            return notAMapping(content);
        }
        List<String> lines = new ArrayList<>(List.of(content.split("\n", -1)));
        Map<Integer, List<String>> errorLines = byLine(errors, marks);
        Map<Integer, List<String>> deprecationLines = byLine(deprecations, marks);
        List<String> out = new ArrayList<>();
        List<String> errorFooter = new ArrayList<>();
        List<String> deprecationFooter = new ArrayList<>();
        int e = 1;
        int d = 1;
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            List<String> labels = new ArrayList<>();
            for (String msg : errorLines.getOrDefault(n, List.of())) {
                labels.add("E" + e);
                errorFooter.add("# E" + e++ + ": " + msg);
            }
            for (String msg : deprecationLines.getOrDefault(n, List.of())) {
                labels.add("D" + d);
                deprecationFooter.add("# D" + d++ + ": " + msg);
            }
            out.add(labels.isEmpty() ? line : line + "\t\t# " + String.join(",", labels));
        }
        if (!errorFooter.isEmpty()) {
            out.add(footer("Errors", errorFooter));
        }
        if (!deprecationFooter.isEmpty()) {
            out.add(footer("Deprecations", deprecationFooter));
        }
        return String.join("\n", out);
    }

    private static String footer(String title, List<String> body) {
        return "# " + title + ": -------------\n" + String.join("\n", body) + "\n\n";
    }

    private static Map<Integer, List<String>> byLine(List<SchemaProblem> problems, Map<String, Integer> marks) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (SchemaProblem p : problems) {
            Matcher m = FORMAT_PATH.matcher(p.path());
            int line;
            if (m.matches()) {
                line = Integer.parseInt(m.group(1));
            } else {
                line = lineOf(p.path(), marks);
            }
            out.computeIfAbsent(line, k -> new ArrayList<>()).add(p.message());
        }
        return out;
    }

    /** The line of a key path, or of its nearest parent that has one. */
    private static int lineOf(String path, Map<String, Integer> marks) {
        String p = path;
        while (true) {
            Integer line = marks.get(p);
            if (line != null) {
                return line;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return marks.getOrDefault("", 1);
            }
            p = p.substring(0, dot);
        }
    }
}
