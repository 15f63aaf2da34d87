package io.nubis.adapter.rcconf.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An rc.conf shared with the rest of the system, edited so that only the renderer's keys change.
 * <p>
 * Ownership is recorded in the file itself, on two comment lines the renderer rewrites on every
 * render:
 * <pre>
 * # Nubis network keys (rewritten or removed when the network config changes): ifconfig_em0 defaultrouter static_routes=net0:em0 cloned_interfaces=lagg0
 * # Nubis network names (config name=rc.conf name): bond0=lagg0
 * </pre>
 * A bare word names a key the renderer owns whole; {@code key=element} names one element of a
 * shared list key ({@link RcConfKeys#SHARED}). On the next render a wanted key replaces the
 * value of every line that assigns it, in place (trailing comment kept), or is appended at the
 * end; an owned key that is no longer wanted loses its lines; the renderer's elements of a shared
 * list are removed and the new ones appended after the others' (a list left empty loses its
 * lines, as empty is its default); every other line, comment and blank line stays as it is.
 * A key that existed before the renderer first wrote it (the installer's
 * {@code ifconfig_vtnet0="DHCP"}) becomes the renderer's from then on. The marker lines stay where
 * they are; the first render puts them before the keys it appends. The second line lets
 * {@code bringUp} find the rc.conf name of a bond or bridge.
 */
final class RcConfFile {
    static final String KEYS_MARK = "# Nubis network keys (rewritten or removed when the network config changes):";
    static final String NAMES_MARK = "# Nubis network names (config name=rc.conf name):";
    private static final String KEYS_PREFIX = "# Nubis network keys";
    private static final String NAMES_PREFIX = "# Nubis network names";

    private final List<String> lines;
    private final Set<String> ownedKeys = new LinkedHashSet<>();
    private final Map<String, Set<String>> ownedElements = new LinkedHashMap<>();
    private final Map<String, String> renamed = new LinkedHashMap<>();

    private RcConfFile(List<String> lines) {
        this.lines = lines;
    }

    /** Reads the text of an rc.conf (empty for a missing file). */
    static RcConfFile parse(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        RcConfFile f = new RcConfFile(lines);
        for (String line : lines) {
            if (line.startsWith(KEYS_PREFIX)) {
                for (String token : tokens(line)) {
                    int eq = token.indexOf('=');
                    if (eq < 0) {
                        f.ownedKeys.add(token);
                    } else {
                        f.ownedElements.computeIfAbsent(token.substring(0, eq), k -> new LinkedHashSet<>())
                                .add(token.substring(eq + 1));
                    }
                }
            } else if (line.startsWith(NAMES_PREFIX)) {
                for (String token : tokens(line)) {
                    int eq = token.indexOf('=');
                    if (eq > 0) {
                        f.renamed.put(token.substring(0, eq), token.substring(eq + 1));
                    }
                }
            }
        }
        return f;
    }

    private static List<String> tokens(String markerLine) {
        int colon = markerLine.indexOf(':');
        List<String> out = new ArrayList<>();
        if (colon >= 0) {
            for (String t : markerLine.substring(colon + 1).trim().split("\\s+")) {
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static boolean isMarker(String line) {
        return line.startsWith(KEYS_PREFIX) || line.startsWith(NAMES_PREFIX);
    }

    /** Keys assigned in the file that the renderer does not own. */
    Set<String> foreignKeys() {
        Set<String> out = new HashSet<>();
        for (String line : lines) {
            RcAssignment a = RcAssignment.parse(line);
            if (a != null && !ownedKeys.contains(a.key())) {
                out.add(a.key());
            }
        }
        return out;
    }

    /** The elements of a shared list that are not the renderer's, from its last assignment. */
    List<String> foreignElements(String key) {
        RcAssignment last = last(key);
        List<String> out = new ArrayList<>();
        if (last != null) {
            Set<String> mine = ownedElements.getOrDefault(key, Set.of());
            for (String w : last.words()) {
                if (!mine.contains(w) && !out.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** The value of every key the renderer owns whole, from its last assignment. */
    Map<String, String> ownedValues() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            RcAssignment a = RcAssignment.parse(line);
            if (a != null && ownedKeys.contains(a.key())) {
                out.put(a.key(), a.raw());
            }
        }
        return out;
    }

    /** Config names a previous render gave another name in rc.conf. */
    Map<String, String> renamed() {
        return renamed;
    }

    private RcAssignment last(String key) {
        RcAssignment found = null;
        for (String line : lines) {
            RcAssignment a = RcAssignment.parse(line);
            if (a != null && a.key().equals(key)) {
                found = a;
            }
        }
        return found;
    }

    /** The file with {@code want} applied (see the class comment); ends with a newline unless empty. */
    String merge(RcConfKeys want) {
        Map<String, List<String>> shared = new LinkedHashMap<>();
        Set<String> sharedKeys = new LinkedHashSet<>(want.elements().keySet());
        sharedKeys.addAll(ownedElements.keySet());
        for (String key : sharedKeys) {
            List<String> list = foreignElements(key);
            for (String e : want.elements().getOrDefault(key, Set.of())) {
                if (!list.contains(e)) {
                    list.add(e);
                }
            }
            shared.put(key, list);
        }

        List<String> out = new ArrayList<>();
        Set<String> present = new HashSet<>();
        int markerAt = -1;
        for (String line : lines) {
            if (isMarker(line)) {
                markerAt = markerAt < 0 ? out.size() : markerAt;
                continue;
            }
            RcAssignment a = RcAssignment.parse(line);
            if (a == null) {
                out.add(line);
            } else if (want.values().containsKey(a.key())) {
                out.add(a.with(want.get(a.key())));
                present.add(a.key());
            } else if (shared.containsKey(a.key())) {
                List<String> list = shared.get(a.key());
                if (!list.isEmpty()) {
                    out.add(a.withWords(list));
                    present.add(a.key());
                }
            } else if (!ownedKeys.contains(a.key())) {
                out.add(line);
            }
        }

        List<String> appended = new ArrayList<>();
        for (String key : want.order()) {
            if (present.contains(key)) {
                continue;
            }
            if (want.values().containsKey(key)) {
                appended.add(key + "=" + ShellQuote.quote(want.get(key)));
            } else if (!shared.get(key).isEmpty()) {
                appended.add(key + "=" + ShellQuote.quote(String.join(" ", shared.get(key))));
            }
        }
        List<String> markers = markers(want);
        out.addAll(markerAt < 0 ? out.size() : markerAt, markers);
        out.addAll(appended);
        return out.isEmpty() ? "" : String.join("\n", out) + "\n";
    }

    private static List<String> markers(RcConfKeys want) {
        List<String> tokens = new ArrayList<>();
        for (String key : want.order()) {
            if (want.values().containsKey(key)) {
                tokens.add(key);
            } else {
                for (String e : want.elements().get(key)) {
                    tokens.add(key + "=" + e);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (!tokens.isEmpty()) {
            out.add(KEYS_MARK + " " + String.join(" ", tokens));
        }
        if (!want.renamed().isEmpty()) {
            List<String> names = new ArrayList<>();
            want.renamed().forEach((k, v) -> names.add(k + "=" + v));
            out.add(NAMES_MARK + " " + String.join(" ", names));
        }
        return out;
    }
}
