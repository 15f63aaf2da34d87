package io.nubis.cc.ssh.internal;

import java.util.ArrayList;
import java.util.List;

/** The reference's SimpleTable: a boxed text table whose cells are centred like Python's str.center. */
final class TextTable {
    private final List<String> fields;
    private final List<List<String>> rows = new ArrayList<>();
    private final int[] widths;

    TextTable(List<String> fields) {
        this.fields = fields;
        this.widths = new int[fields.size()];
        widen(fields);
    }

    void add(List<String> row) {
        rows.add(row);
        widen(row);
    }

    private void widen(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            widths[i] = Math.max(widths[i], values.get(i).length());
        }
    }

    /** The table's lines, without newlines. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(divider());
        out.add(row(fields));
        out.add(divider());
        for (List<String> r : rows) {
            out.add(row(r));
        }
        out.add(divider());
        return out;
    }

    private String divider() {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    private String row(List<String> r) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < r.size(); i++) {
            sb.append(center(r.get(i), widths[i] + 2, ' ')).append('|');
        }
        return sb.toString();
    }

    /** Python's {@code str.center}: the odd padding character goes left when the width is odd. */
    static String center(String s, int width, char fill) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        int left = pad / 2 + (pad & width & 1);
        return String.valueOf(fill).repeat(left) + s + String.valueOf(fill).repeat(pad - left);
    }

    /** Python's {@code format(s, fill + "^" + width)}: the odd padding character goes right. */
    static String formatCenter(String s, int width, char fill) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        int left = pad / 2;
        return String.valueOf(fill).repeat(left) + s + String.valueOf(fill).repeat(pad - left);
    }
}
