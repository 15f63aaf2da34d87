package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares two output trees: the set of files (relative paths, {@code /}-separated) and each
 * file's bytes. Directories count only through the files in them; a symbolic link compares as its
 * target text. Also compares the two exit codes (success or not) as the pseudo-file
 * {@value #EXIT_STATUS}.
 */
final class NetTreeDiff {
    /** The name under which a different outcome (one side failed, the other did not) is reported. */
    static final String EXIT_STATUS = "(exit status)";

    private NetTreeDiff() {
    }

    /** One difference: the file, what differs, and the first differing lines (or a note). */
    record FileDiff(String file, String what, String detail) {
        static final String ONLY_REFERENCE = "only the reference writes it";
        static final String ONLY_NUBIS = "only Nubis writes it";
        static final String DIFFERENT = "contents differ";
        /** The {@code change} names a deviation may give, one per kind of difference. */
        static final List<String> CHANGES = List.of("added", "missing", "changed", "status");

        /** What kind of difference this is, as a deviation's {@code change} names it. */
        String change() {
            return file.equals(EXIT_STATUS) ? "status" : what.equals(ONLY_NUBIS) ? "added" : what.equals(ONLY_REFERENCE) ? "missing" : "changed";
        }

        @Override
        public String toString() {
            return file + ": " + what + (detail.isEmpty() ? "" : "\n" + detail.indent(4).stripTrailing());
        }
    }

    /** The files of a tree by relative path; an absent tree has none. */
    static SortedMap<String, byte[]> read(Path dir) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isSymbolicLink(p)) {
                    files.put(rel, ("symbolic link to " + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** The differences between the reference's tree and Nubis's, by file name. */
    static List<FileDiff> compare(Path reference, Path nubis) throws IOException {
        SortedMap<String, byte[]> a = read(reference);
        SortedMap<String, byte[]> b = read(nubis);
        List<FileDiff> diffs = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String f : names) {
            byte[] x = a.get(f);
            byte[] y = b.get(f);
            if (y == null) {
                diffs.add(new FileDiff(f, FileDiff.ONLY_REFERENCE, head(x)));
            } else if (x == null) {
                diffs.add(new FileDiff(f, FileDiff.ONLY_NUBIS, head(y)));
            } else if (!Arrays.equals(x, y)) {
                diffs.add(new FileDiff(f, FileDiff.DIFFERENT,
                        LineDiff.firstHunk(new String(x, StandardCharsets.UTF_8), new String(y, StandardCharsets.UTF_8), 2, 14)));
            }
        }
        return diffs;
    }

    /** The exit status difference, if one side succeeded and the other did not. */
    static List<FileDiff> compareStatus(NetRun reference, NetRun nubis) {
        if (reference.ok() == nubis.ok()) {
            return List.of();
        }
        return List.of(new FileDiff(EXIT_STATUS, "reference rc=" + reference.rc() + ", nubis rc=" + nubis.rc(),
                "reference: " + reference.tail(3).strip() + "\nnubis: " + nubis.tail(3).strip()));
    }

    /** The first lines of a file that only one side wrote. */
    private static String head(byte[] content) {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty()) {
            return "(empty file)";
        }
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(6, lines.size())));
        if (lines.size() > shown.size()) {
            shown.add("... (" + lines.size() + " lines)");
        }
        return String.join("\n", shown);
    }
}
