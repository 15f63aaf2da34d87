package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The accepted differences of {@code net-corpus/deviations.yaml}: a list of
 * {@code {case, kind, file, change, expect, reason, doc}}. {@code case} is a glob over case names,
 * {@code kind} an output kind or {@code "*"}, {@code file} a glob over the relative paths of the
 * output tree ({@code *} stays within a directory, {@code **} crosses them; {@value NetTreeDiff#EXIT_STATUS}
 * names the exit status). {@code change}, optional, narrows it to one kind of difference:
 * {@code added} (only Nubis writes the file), {@code missing} (only the reference does),
 * {@code changed} (both do, with other bytes), {@code status} (the exit status). {@code expect}, optional, is a list of texts that Nubis's version of the
 * file must contain for the deviation to apply: it pins what Nubis writes instead; {@code absent},
 * optional, texts it must not contain (the reference's mistake). {@code reason}
 * says why, and {@code doc} names the {@code docs/compatibility/*.md#section} explaining it (the
 * section must exist).
 */
record NetDeviations(List<Deviation> all) {
    record Deviation(String caseGlob, String kind, String fileGlob, String change, List<String> expect, List<String> absent,
            String reason, String doc) {
        boolean matches(String caseName, String kindId, String file) {
            return (kind.equals("*") || kind.equals(kindId)) && appliesToCase(caseName) && glob(fileGlob, file);
        }

        boolean matches(String caseName, String kindId, NetTreeDiff.FileDiff diff) {
            return matches(caseName, kindId, diff.file()) && (change.isEmpty() || change.equals(diff.change()));
        }

        boolean appliesToCase(String caseName) {
            return glob(caseGlob, caseName);
        }

        @Override
        public String toString() {
            return caseGlob + " [" + kind + "] " + fileGlob + (change.isEmpty() ? "" : " (" + change + ")") + ": " + reason + " (" + doc + ")";
        }
    }

    /** The verdict on one difference: the deviation that accepts it, or why none does. */
    record Verdict(Deviation accepted, String why) {
        boolean ok() {
            return accepted != null;
        }
    }

    private static boolean glob(String pattern, String name) {
        if (pattern.equals("*") || pattern.equals("**")) {
            return true;
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return m.matches(Path.of(name));
    }

    static NetDeviations load(Path file, Path repo) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new NetDeviations(List.of());
        }
        Object data = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        List<Deviation> out = new ArrayList<>();
        if (data == null) {
            return new NetDeviations(out);
        }
        if (!(data instanceof List<?> list)) {
            throw new IOException(file + ": must be a list of deviations");
        }
        int i = 0;
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw new IOException(file + ": item " + i + " is not a mapping");
            }
            Set<Object> unknown = new HashSet<>(m.keySet());
            unknown.removeAll(Set.of("case", "kind", "file", "change", "expect", "absent", "reason", "doc"));
            if (!unknown.isEmpty()) {
                throw new IOException(file + ": item " + i + ": unknown keys " + unknown);
            }
            String kind = str(m, "kind", file, i);
            if (!kind.equals("*") && !NetKind.ids().contains(kind)) {
                throw new IOException(file + ": item " + i + ": kind must be one of " + NetKind.ids() + " or *, got " + kind);
            }
            String change = m.get("change") == null ? "" : String.valueOf(m.get("change")).strip();
            if (!change.isEmpty() && !NetTreeDiff.FileDiff.CHANGES.contains(change)) {
                throw new IOException(file + ": item " + i + ": change must be one of " + NetTreeDiff.FileDiff.CHANGES + ", got " + change);
            }
            List<String> expect = texts(m.get("expect"));
            List<String> absent = texts(m.get("absent"));
            String doc = str(m, "doc", file, i);
            checkDoc(doc, repo, file + ": item " + i);
            out.add(new Deviation(str(m, "case", file, i), kind, str(m, "file", file, i), change, expect, absent,
                    str(m, "reason", file, i).replaceAll("\\s+", " "), doc));
            i++;
        }
        return new NetDeviations(out);
    }

    private static List<String> texts(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static String str(Map<?, ?> m, String key, Path file, int i) throws IOException {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IOException(file + ": item " + i + " needs '" + key + "'");
        }
        return String.valueOf(v).strip();
    }

    /** A doc reference must be {@code docs/compatibility/NAME.md#anchor} with that heading in the file. */
    static void checkDoc(String doc, Path repo, String where) throws IOException {
        int hash = doc.indexOf('#');
        String docFile = hash < 0 ? doc : doc.substring(0, hash);
        if (!docFile.startsWith("docs/compatibility/") || !docFile.endsWith(".md") || !Files.isRegularFile(repo.resolve(docFile))) {
            throw new IOException(where + ": doc must name an existing docs/compatibility/*.md, got " + doc);
        }
        if (hash < 0) {
            throw new IOException(where + ": doc must name the section too (" + docFile + "#section)");
        }
        String anchor = doc.substring(hash + 1);
        if (!anchors(Files.readString(repo.resolve(docFile), StandardCharsets.UTF_8)).contains(anchor)) {
            throw new IOException(where + ": " + docFile + " has no section #" + anchor);
        }
    }

    /** The anchors of a Markdown file's headings, as GitHub makes them (lower case, punctuation dropped, spaces to -). */
    static Set<String> anchors(String markdown) {
        Set<String> out = new HashSet<>();
        boolean fence = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                fence = !fence;
            }
            if (fence || !line.matches("#{1,6} .*")) {
                continue;
            }
            String text = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
            out.add(text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return out;
    }

    /**
     * Whether a difference is accepted: the first deviation matching case, kind, file and change
     * whose {@code expect} texts are all in Nubis's file ({@code nubisFile}, null when Nubis wrote
     * none) and whose {@code absent} texts are not.
     */
    Verdict judge(String caseName, NetKind kind, NetTreeDiff.FileDiff diff, byte[] nubisFile) {
        String why = "";
        for (Deviation d : all) {
            if (!d.matches(caseName, kind.id(), diff)) {
                continue;
            }
            String text = nubisFile == null ? null : new String(nubisFile, StandardCharsets.UTF_8);
            List<String> missing = d.expect().stream().filter(x -> text == null || !text.contains(x)).toList();
            List<String> present = d.absent().stream().filter(x -> text != null && text.contains(x)).toList();
            if (missing.isEmpty() && present.isEmpty()) {
                return new Verdict(d, "");
            }
            why = "deviation '" + d.reason() + "' matches but Nubis's file "
                    + (text == null ? "is missing" : (missing.isEmpty() ? "" : "lacks " + missing)
                            + (missing.isEmpty() || present.isEmpty() ? "" : " and ") + (present.isEmpty() ? "" : "has " + present));
        }
        return new Verdict(null, why);
    }
}
