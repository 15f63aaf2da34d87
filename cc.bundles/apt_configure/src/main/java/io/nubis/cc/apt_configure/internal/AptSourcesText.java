package io.nubis.cc.apt_configure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of apt source files: mirror replacement (URIs equal to a default mirror, compared
 * without scheme and trailing slash, become the configured mirror) and the reference's
 * {@code disable_suites}, in the one-line format ({@code sources.list}: the line is commented
 * out with {@code # suite disabled by cloud-init: }) and in deb822 ({@code *.sources}: the suite
 * is dropped from {@code Suites:}, and a stanza left without suites gets {@code Enabled: no}).
 */
final class AptSourcesText {
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z0-9-]+):(.*)$");

    private AptSourcesText() {
    }

    /** The reference's short suite names. */
    static String mapKnownSuite(String suite) {
        return switch (suite) {
            case "updates" -> "$RELEASE-updates";
            case "backports" -> "$RELEASE-backports";
            case "security" -> "$RELEASE-security";
            case "proposed" -> "$RELEASE-proposed";
            case "release" -> "$RELEASE";
            default -> suite;
        };
    }

    /** One-line format. */
    static String oneLine(String text, Map<String, String> replace, Set<String> disabled) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("(?<=\n)", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                out.append(line);
                continue;
            }
            String[] cols = line.strip().split("\\s+");
            if (cols.length > 1) {
                int uriCol = 1;
                if (cols[1].startsWith("[")) {
                    for (int i = 1; i < cols.length; i++) {
                        uriCol = i + 1;
                        if (cols[i].endsWith("]")) {
                            break;
                        }
                    }
                }
                if ((cols[0].equals("deb") || cols[0].equals("deb-src")) && uriCol < cols.length) {
                    String repl = replace.get(AptMirrors.normalise(cols[uriCol]));
                    if (repl != null) {
                        line = line.replaceFirst("(?<=\\s)" + Pattern.quote(cols[uriCol]) + "(?=\\s|$)",
                                Matcher.quoteReplacement(repl));
                    }
                }
                int suiteCol = uriCol + 1;
                if (suiteCol < cols.length && disabled.contains(cols[suiteCol])) {
                    line = "# suite disabled by cloud-init: " + line;
                }
            }
            out.append(line);
        }
        return out.toString();
    }

    /** deb822 format. */
    static String deb822(String text, Map<String, String> replace, Set<String> disabled) {
        List<String> out = new ArrayList<>();
        List<String> stanza = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                out.addAll(stanza(stanza, replace, disabled));
                stanza.clear();
                out.add(line);
            } else {
                stanza.add(line);
            }
        }
        out.addAll(stanza(stanza, replace, disabled));
        return String.join("\n", out);
    }

    private static List<String> stanza(List<String> lines, Map<String, String> replace, Set<String> disabled) {
        List<String> out = new ArrayList<>();
        boolean emptied = false;
        int enabledAt = -1;
        for (String line : lines) {
            Matcher m = FIELD.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                String field = m.group(1);
                String[] values = m.group(2).strip().isEmpty() ? new String[0] : m.group(2).strip().split("\\s+");
                if (field.equalsIgnoreCase("URIs")) {
                    List<String> uris = new ArrayList<>();
                    for (String u : values) {
                        uris.add(replace.getOrDefault(AptMirrors.normalise(u), u));
                    }
                    line = field + ": " + String.join(" ", uris);
                } else if (field.equalsIgnoreCase("Suites") && !disabled.isEmpty()) {
                    List<String> kept = new ArrayList<>();
                    for (String s : values) {
                        if (!disabled.contains(s)) {
                            kept.add(s);
                        }
                    }
                    if (kept.size() != values.length) {
                        emptied = kept.isEmpty();
                        line = emptied ? line : field + ": " + String.join(" ", kept);
                    }
                } else if (field.equalsIgnoreCase("Enabled")) {
                    enabledAt = out.size();
                }
            }
            out.add(line);
        }
        if (emptied) {
            if (enabledAt >= 0) {
                out.set(enabledAt, "Enabled: no");
            } else {
                out.add("Enabled: no");
            }
        }
        return out;
    }
}
