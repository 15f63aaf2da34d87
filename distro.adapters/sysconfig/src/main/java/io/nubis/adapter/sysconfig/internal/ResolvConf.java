package io.nubis.adapter.sysconfig.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An existing resolv.conf with name servers and search domains added the reference's way:
 * lines are kept, at most three name servers (the ones already there win), the search list
 * rewritten as one {@code search} line of at most six domains and 256 characters, and the
 * reference's {@code ;} header put on top unless the file starts with it. Lines the reference
 * cannot parse (it then fails the whole render) are kept as they are; domains past its limits
 * (it then fails too) are left out.
 */
final class ResolvConf {
    static final String HEADER = "; Created by cloud-init on instance boot automatically, do not edit.\n;";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000B\u000C\u001C\u001D\u001E\u0085\u2028\u2029]");
    private static final List<String> OPTIONS = List.of("nameserver", "domain", "search", "sortlist", "options");

    /** One line: an option ({@code key value tail}) or kept text ({@code key} null). */
    private record Line(String key, String value, String tail) {
        String render() {
            return key == null ? value : key + " " + value + tail;
        }
    }

    private final List<Line> lines = new ArrayList<>();

    private ResolvConf() {
    }

    static ResolvConf parse(String text) {
        ResolvConf conf = new ResolvConf();
        List<String> raw = new ArrayList<>(List.of(LINE_BREAK.split(text, -1)));
        if (!raw.isEmpty() && raw.get(raw.size() - 1).isEmpty()) {
            raw.remove(raw.size() - 1);
        }
        for (String line : raw) {
            conf.lines.add(parseLine(line));
        }
        return conf;
    }

    private static Line parseLine(String line) {
        if (line.strip().isEmpty()) {
            return new Line(null, "", "");
        }
        int comment = firstOf(line, ';', '#');
        String head = comment < 0 ? line : line.substring(0, comment);
        String tail = comment < 0 ? "" : line.substring(comment);
        String trimmed = head.stripLeading();
        int space = firstWhitespace(trimmed);
        if (trimmed.isEmpty() || space < 0) {
            return new Line(null, line, "");
        }
        String key = trimmed.substring(0, space);
        String value = trimmed.substring(space).stripLeading();
        if (!OPTIONS.contains(key) || value.isEmpty()) {
            return new Line(null, line, "");
        }
        return new Line(key, value, tail);
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static int firstWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private List<String> values(String key) {
        return lines.stream().filter(l -> key.equals(l.key())).map(Line::value).toList();
    }

    void addNameserver(String ns) {
        List<String> current = values("nameserver");
        LinkedHashSet<String> merged = new LinkedHashSet<>(current);
        merged.add(ns);
        if (merged.size() == current.size() || current.size() >= 3) {
            return;
        }
        lines.removeIf(l -> "nameserver".equals(l.key()));
        merged.forEach(n -> lines.add(new Line("nameserver", n, "")));
    }

    void addSearchDomain(String domain) {
        List<String> current = new ArrayList<>();
        for (String v : values("search")) {
            for (String d : v.strip().split("\\s+")) {
                if (!d.isEmpty()) {
                    current.add(d);
                }
            }
        }
        LinkedHashSet<String> merged = new LinkedHashSet<>(current);
        merged.add(domain);
        String joined = String.join(" ", merged);
        if (merged.size() == current.size() || current.size() >= 6 || joined.length() > 256) {
            return;
        }
        lines.removeIf(l -> "search".equals(l.key()));
        lines.add(new Line("search", joined, ""));
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.render()).append('\n'));
        String content = sb.toString();
        return content.startsWith(HEADER) ? content : HEADER + "\n" + content;
    }
}
