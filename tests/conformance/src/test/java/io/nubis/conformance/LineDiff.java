package io.nubis.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The first differing lines of two texts, unified-diff style ({@code -} reference, {@code +}
 * Nubis, a space for context), from a longest-common-subsequence alignment of the lines: what a
 * renderer's author needs to see first.
 */
final class LineDiff {
    /** Above this many line pairs the alignment is skipped and the first differing line shown. */
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {
    }

    private record Op(char tag, String line, int aLine, int bLine) {
    }

    /**
     * The first hunk where {@code b} differs from {@code a}: up to {@code context} equal lines
     * before and after the changes, at most {@code max} lines in all (then "..."). Empty when the
     * texts are equal.
     */
    static String firstHunk(String a, String b, int context, int max) {
        if (a.equals(b)) {
            return "";
        }
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        if (x.equals(y)) {
            return "(the files differ only in line endings or the final newline: reference "
                    + (a.endsWith("\n") ? "ends" : "does not end") + " with a newline, nubis "
                    + (b.endsWith("\n") ? "ends" : "does not end") + " with one)";
        }
        List<Op> ops = (long) x.size() * y.size() > MAX_CELLS ? naive(x, y) : align(x, y);
        int first = 0;
        while (ops.get(first).tag == ' ') {
            first++;
        }
        int from = Math.max(0, first - context);
        List<String> out = new ArrayList<>();
        Op start = ops.get(from);
        out.add("@@ reference line " + start.aLine + ", nubis line " + start.bLine + " @@");
        int quiet = 0;
        for (int i = from; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (i > first && op.tag == ' ' && ++quiet > context) {
                break;
            }
            if (op.tag != ' ') {
                quiet = 0;
            }
            if (out.size() > max) {
                out.add("...");
                break;
            }
            out.add(op.tag + op.line);
        }
        return String.join("\n", out);
    }

    private static List<Op> align(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                ops.add(new Op(' ', x.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (j == m || i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add(new Op('-', x.get(i), i + 1, j + 1));
                i++;
            } else {
                ops.add(new Op('+', y.get(j), i + 1, j + 1));
                j++;
            }
        }
        return ops;
    }

    /** Equal lines up to the first difference, then the rest of both sides. */
    private static List<Op> naive(List<String> x, List<String> y) {
        List<Op> ops = new ArrayList<>();
        int k = 0;
        while (k < x.size() && k < y.size() && x.get(k).equals(y.get(k))) {
            ops.add(new Op(' ', x.get(k), k + 1, k + 1));
            k++;
        }
        for (int i = k; i < x.size(); i++) {
            ops.add(new Op('-', x.get(i), i + 1, k + 1));
        }
        for (int j = k; j < y.size(); j++) {
            ops.add(new Op('+', y.get(j), x.size() + 1, j + 1));
        }
        return ops;
    }
}
