package io.nubis.cc.hostname.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /etc/hosts} as the reference's {@code HostsConf}: blank and comment lines kept as they
 * are, entry lines split into address, names and a trailing comment. Used to find a name's
 * canonical entry and for {@code manage_etc_hosts: localhost}, which makes sure the localhost
 * address maps {@code FQDN HOSTNAME}: existing entries for that address are kept and the new one
 * is added after them (entries for the address are moved to the end, tab-separated).
 */
final class HostsFile {
    /** The hosts file. */
    static final String PATH = "/etc/hosts";

    private record Line(String raw, List<String> pieces, String tail) {
        boolean isEntry() {
            return pieces != null;
        }
    }

    private final List<Line> lines = new ArrayList<>();

    HostsFile(String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : HostnameStore.splitLines(text)) {
            String s = line.strip();
            int hash = s.indexOf('#');
            String head = hash < 0 ? s : s.substring(0, hash);
            if (s.isEmpty() || head.isEmpty()) {
                lines.add(new Line(line, null, null));
            } else {
                lines.add(new Line(line, Arrays.asList(head.trim().split("\\s+")), hash < 0 ? "" : s.substring(hash)));
            }
        }
    }

    /** The reference's {@code get_fqdn_from_hosts}: the canonical name of the first entry listing {@code name} as an alias. */
    static String canonicalFor(String text, String name) {
        for (Line l : new HostsFile(text).lines) {
            if (l.isEntry() && l.pieces.size() >= 3 && l.pieces.subList(2, l.pieces.size()).contains(name)) {
                return l.pieces.get(1);
            }
        }
        return null;
    }

    /**
     * Makes {@code ip} map {@code fqdn hostname}.
     *
     * @return true if the file changed
     */
    boolean ensureLocalhost(String ip, String fqdn, String hostname) {
        List<List<String>> prev = new ArrayList<>();
        for (Line l : lines) {
            if (l.isEntry() && l.pieces.get(0).equals(ip)) {
                prev.add(l.pieces.subList(1, l.pieces.size()));
            }
        }
        for (List<String> names : prev) {
            if (!names.isEmpty() && names.get(0).equals(fqdn) && names.subList(1, names.size()).contains(hostname)) {
                return false;
            }
        }
        lines.removeIf(l -> l.isEntry() && l.pieces.get(0).equals(ip));
        List<List<String>> entries = new ArrayList<>(prev);
        entries.add(List.of(fqdn, hostname));
        for (List<String> names : entries) {
            if (names.isEmpty()) {
                continue;
            }
            List<String> pieces = new ArrayList<>();
            pieces.add(ip);
            pieces.addAll(names);
            lines.add(new Line(null, pieces, ""));
        }
        return true;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.isEntry() ? String.join("\t", l.pieces) + l.tail : l.raw).append('\n');
        }
        return sb.toString();
    }
}
