package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Adds name servers and search domains to an existing resolv.conf as the reference's BSD
 * renderer does: a server or domain already there changes nothing; otherwise every
 * {@code nameserver} line is rewritten at the end (comments on them dropped), the new one after them, up to resolv.conf(5)'s three
 * servers (more are dropped); all search domains are joined on one {@code search} line at the
 * end, up to six domains and 256 characters. Every other line stays as it is. The reference
 * adds them in the order of a Python set, which changes from run to run; here they are added in
 * the config's order.
 */
final class ResolvConfEditor {
    private static final int MAX_SERVERS = 3;
    private static final int MAX_DOMAINS = 6;
    private static final int MAX_SEARCH_CHARS = 256;

    private final List<String> lines;

    ResolvConfEditor(String text) {
        lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
    }

    /** Adds a name server. */
    void addNameserver(String server) {
        List<String> current = values("nameserver");
        if (current.contains(server) || current.size() >= MAX_SERVERS) {
            return;
        }
        lines.removeIf(l -> option(l).equals("nameserver"));
        for (String s : current) {
            lines.add("nameserver " + s);
        }
        lines.add("nameserver " + server);
    }

    /** Adds a search domain. */
    void addSearchDomain(String domain) {
        List<String> current = new ArrayList<>();
        for (String v : values("search")) {
            current.addAll(Arrays.asList(v.trim().split("\\s+")));
        }
        current.removeIf(String::isEmpty);
        if (current.contains(domain) || current.size() >= MAX_DOMAINS) {
            return;
        }
        current.add(domain);
        String joined = String.join(" ", current);
        if (joined.length() > MAX_SEARCH_CHARS) {
            return;
        }
        lines.removeIf(l -> option(l).equals("search"));
        lines.add("search " + joined);
    }

    /** The file's text, ending with a newline unless empty. */
    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private List<String> values(String option) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (option(l).equals(option)) {
                String body = uncommented(l).trim();
                out.add(body.substring(option.length()).trim());
            }
        }
        return out;
    }

    /** The option word of a line, or empty for blank and comment lines. */
    private static String option(String line) {
        String body = uncommented(line).trim();
        int sp = body.indexOf(' ');
        int tab = body.indexOf('\t');
        int end = sp < 0 ? tab : tab < 0 ? sp : Math.min(sp, tab);
        return end < 0 ? "" : body.substring(0, end);
    }

    private static String uncommented(String line) {
        int hash = line.indexOf('#');
        int semi = line.indexOf(';');
        int cut = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
        return cut < 0 ? line : line.substring(0, cut);
    }
}
