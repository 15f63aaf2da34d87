package io.nubis.adapter.netplan.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes maps, lists and scalars in block style the way the reference's YAML dumper does with
 * {@code indent=4, default_flow_style=False} and sorted keys: mappings indented by four,
 * sequences inside mappings not indented, a sequence item that is a collection starting on the
 * dash's line ({@code -   key: value}), empty collections as {@code []} and {@code {}}, and each
 * string plain unless it would read back as another type or holds indicators, then in single
 * quotes, or in double quotes when it holds characters that need escapes. With aliases on, a
 * map or list that occurs more than once (the same object) gets an anchor {@code &id001} and is
 * referred to by {@code *id001} afterwards.
 * <p>
 * Not reproduced: folding of scalars longer than the reference's 80 columns.
 */
final class YamlEmitter {
    private static final int INDENT = 4;

    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private static final String WHITESPACE = "\0 \t\r\n\u0085\u2028\u2029";
    private static final String BREAKS = "\n\u0085\u2028\u2029";

    private final StringBuilder out = new StringBuilder();
    private final Map<Object, String> anchors = new IdentityHashMap<>();
    private final Map<Object, Boolean> anchorWritten = new IdentityHashMap<>();

    private YamlEmitter() {
    }

    /**
     * The document for {@code value}, every line indented by {@code baseIndent} spaces.
     *
     * @param aliases whether repeated maps and lists become anchors and aliases
     */
    static String dump(Object value, int baseIndent, boolean aliases) {
        YamlEmitter e = new YamlEmitter();
        if (aliases) {
            e.findAnchors(value, new IdentityHashMap<>());
        }
        e.node(value, baseIndent, Context.ROOT);
        return e.out.toString();
    }

    private enum Context {
        ROOT, MAPPING_VALUE, SEQUENCE_ITEM
    }

    // ---- anchors -------------------------------------------------------------------------------

    private void findAnchors(Object value, Map<Object, Boolean> seen) {
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            return;
        }
        if (seen.containsKey(value)) {
            if (!anchors.containsKey(value)) {
                anchors.put(value, String.format("id%03d", anchors.size() + 1));
            }
            return;
        }
        seen.put(value, Boolean.TRUE);
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> en : sorted(m)) {
                findAnchors(en.getKey(), seen);
                findAnchors(en.getValue(), seen);
            }
        } else {
            for (Object item : (List<?>) value) {
                findAnchors(item, seen);
            }
        }
    }

    // ---- nodes ---------------------------------------------------------------------------------

    /**
     * Writes a node. The caller has written the key and colon (mapping value), or the dash
     * (sequence item), or nothing (root); {@code indent} is the column of the node's block.
     */
    private void node(Object value, int indent, Context ctx) {
        String anchor = anchors.get(value);
        if (anchor != null && anchorWritten.containsKey(value)) {
            out.append(ctx == Context.ROOT ? "" : " ").append('*').append(anchor).append('\n');
            return;
        }
        String prefix = "";
        if (anchor != null) {
            anchorWritten.put(value, Boolean.TRUE);
            prefix = "&" + anchor;
        }
        boolean emptyCollection = value instanceof Map<?, ?> m0 && m0.isEmpty()
                || value instanceof List<?> l0 && l0.isEmpty();
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>) || emptyCollection) {
            String text = value instanceof Map<?, ?> ? "{}" : value instanceof List<?> ? "[]"
                    : scalar(value, false, indent);
            String lead = ctx == Context.ROOT ? "" : " ";
            if (ctx == Context.ROOT) {
                out.append(" ".repeat(indent));
            }
            out.append(lead).append(prefix.isEmpty() ? "" : prefix + " ").append(text).append('\n');
            return;
        }
        if (value instanceof Map<?, ?> m) {
            int inner = ctx == Context.ROOT ? indent : indent + INDENT;
            mapping(m, inner, openBlock(prefix, ctx, indent));
        } else {
            // a sequence that is a mapping's value is not indented; one in a sequence is
            int inner = ctx == Context.SEQUENCE_ITEM ? indent + INDENT : indent;
            sequence((List<?>) value, inner, openBlock(prefix, ctx, indent));
        }
    }

    /**
     * Starts a block collection: writes its anchor ({@code prefix}, if any) on a line of its own,
     * or ends the line of the mapping key it is the value of. Returns whether its first entry goes
     * on the current line (a collection that is a sequence item without an anchor).
     */
    private boolean openBlock(String prefix, Context ctx, int indent) {
        if (!prefix.isEmpty()) {
            out.append(ctx == Context.ROOT ? " ".repeat(indent) : " ").append(prefix).append('\n');
            return false;
        }
        if (ctx == Context.MAPPING_VALUE) {
            out.append('\n');
        }
        return ctx == Context.SEQUENCE_ITEM;
    }

    private void mapping(Map<?, ?> m, int indent, boolean firstInline) {
        boolean first = true;
        for (Map.Entry<?, ?> en : sorted(m)) {
            if (first && firstInline) {
                out.append(" ".repeat(INDENT - 1));
            } else {
                out.append(" ".repeat(indent));
            }
            first = false;
            Object key = en.getKey();
            if (key instanceof String k && (k.isEmpty() || Analysis.of(k).multiline || k.length() >= 128)) {
                // not a simple key: "? key" and ": value" on lines of their own
                out.append("? ").append(scalar(k, false, indent)).append('\n').append(" ".repeat(indent)).append(':');
            } else {
                out.append(scalar(key, true, indent)).append(':');
            }
            node(en.getValue(), indent, Context.MAPPING_VALUE);
        }
    }

    private void sequence(List<?> l, int indent, boolean firstInline) {
        boolean first = true;
        for (Object item : l) {
            if (first && firstInline) {
                out.append(" ".repeat(INDENT - 1));
            } else {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append('-');
            node(item, indent, Context.SEQUENCE_ITEM);
        }
    }

    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> m) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        entries.sort(Comparator.comparing(Map.Entry::getKey, YamlEmitter::compareKeys));
        return entries;
    }

    private static int compareKeys(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    // ---- scalars -------------------------------------------------------------------------------

    /** The scalar as written; {@code key} for a mapping key (no multi-line and no empty plain keys). */
    static String scalar(Object v, boolean key, int indent) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Float) {
            return floatText(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return floatText(d.doubleValue());
        }
        return string(v.toString(), key, indent);
    }

    /** A float as the reference prints it: Python's shortest repr, lower case, {@code 1.0e+20}, {@code .inf}. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = shortest(Math.abs(d));
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        String text;
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = String.format("%02d", Math.abs(exp));
            text = mant + "e" + (exp < 0 ? "-" : "+") + e;
            if (!text.contains(".")) {
                text = text.replaceFirst("e", ".0e");
            }
        } else {
            String plain = bd.toPlainString();
            text = plain.contains(".") ? plain : plain + ".0";
        }
        return sign + text;
    }

    /** The shortest decimal that reads back as {@code d}, nearest to it among those of its length. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p < 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) {
                return r.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** True if the string, written plain, reads back as a string (no bool, number, null, date...). */
    static boolean readsAsString(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if ("yYnNtTfFoO".indexOf(c) >= 0 && BOOL.matcher(s).matches()) {
            return false;
        }
        if ("-+0123456789.".indexOf(c) >= 0 && FLOAT.matcher(s).matches()) {
            return false;
        }
        if ("-+0123456789".indexOf(c) >= 0 && INT.matcher(s).matches()) {
            return false;
        }
        if (c == '<' && s.equals("<<")) {
            return false;
        }
        if ("~nN".indexOf(c) >= 0 && NULL.matcher(s).matches()) {
            return false;
        }
        if ("0123456789".indexOf(c) >= 0 && TIMESTAMP.matcher(s).matches()) {
            return false;
        }
        return !(c == '=' && s.equals("="));
    }

    private static String string(String s, boolean key, int indent) {
        Analysis a = Analysis.of(s);
        if (readsAsString(s) && !(key && (a.empty || a.multiline)) && a.allowBlockPlain) {
            return s;
        }
        if (a.allowSingleQuoted && !(key && a.multiline)) {
            return singleQuoted(s, indent);
        }
        return doubleQuoted(s);
    }

    private static String singleQuoted(String s, int indent) {
        StringBuilder b = new StringBuilder("'");
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (BREAKS.indexOf(c) >= 0) {
                int end = i;
                while (end < s.length() && BREAKS.indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
                if (c == '\n') {
                    b.append('\n');
                }
                for (int k = i; k < end; k++) {
                    b.append(s.charAt(k) == '\n' ? "\n" : String.valueOf(s.charAt(k)));
                }
                b.append(" ".repeat(indent + INDENT));
                i = end;
                continue;
            }
            b.append(c == '\'' ? "''" : String.valueOf(c));
            i++;
        }
        return b.append('\'').toString();
    }

    private static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String esc = switch (c) {
                case '\0' -> "0";
                case '\u0007' -> "a";
                case '\b' -> "b";
                case '\t' -> "t";
                case '\n' -> "n";
                case '\u000B' -> "v";
                case '\f' -> "f";
                case '\r' -> "r";
                case '\u001B' -> "e";
                case '"' -> "\"";
                case '\\' -> "\\";
                case '\u0085' -> "N";
                case '\u00A0' -> "_";
                case '\u2028' -> "L";
                case '\u2029' -> "P";
                default -> null;
            };
            if (esc != null) {
                b.append('\\').append(esc);
            } else if (c >= 0x20 && c <= 0x7E) {
                b.append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                b.append(String.format("\\U%08X", Character.toCodePoint(c, s.charAt(++i))));
            } else if (c <= 0xFF) {
                b.append(String.format("\\x%02X", (int) c));
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.append('"').toString();
    }

    /** Which styles a string allows, as the reference's emitter decides it (ASCII output). */
    private record Analysis(boolean empty, boolean multiline, boolean allowBlockPlain, boolean allowSingleQuoted) {
        static Analysis of(String s) {
            if (s.isEmpty()) {
                return new Analysis(true, false, true, true);
            }
            boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
            boolean lineBreaks = false;
            boolean special = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean precededByWs = true;
            boolean followedByWs = s.length() == 1 || WHITESPACE.indexOf(s.charAt(1)) >= 0;
            boolean prevSpace = false;
            boolean prevBreak = false;
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                if (i == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                        blockIndicators = true;
                    }
                    if ((ch == '?' || ch == ':') && followedByWs) {
                        blockIndicators = true;
                    }
                    if (ch == '-' && followedByWs) {
                        blockIndicators = true;
                    }
                } else {
                    if (ch == ':' && followedByWs) {
                        blockIndicators = true;
                    }
                    if (ch == '#' && precededByWs) {
                        blockIndicators = true;
                    }
                }
                if (BREAKS.indexOf(ch) >= 0) {
                    lineBreaks = true;
                }
                if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7E))) {
                    special = true;
                }
                if (ch == ' ') {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == n - 1;
                    breakSpace |= prevBreak;
                    prevSpace = true;
                    prevBreak = false;
                } else if (BREAKS.indexOf(ch) >= 0) {
                    leadingBreak |= i == 0;
                    trailingBreak |= i == n - 1;
                    spaceBreak |= prevSpace;
                    prevSpace = false;
                    prevBreak = true;
                } else {
                    prevSpace = false;
                    prevBreak = false;
                }
                precededByWs = WHITESPACE.indexOf(ch) >= 0;
                followedByWs = i + 2 >= n || WHITESPACE.indexOf(s.charAt(i + 2)) >= 0;
            }
            boolean plain = true;
            boolean single = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                plain = false;
            }
            if (breakSpace) {
                plain = false;
                single = false;
            }
            if (spaceBreak || special) {
                plain = false;
                single = false;
            }
            if (lineBreaks || blockIndicators) {
                plain = false;
            }
            return new Analysis(false, lineBreaks, plain, single);
        }
    }
}
