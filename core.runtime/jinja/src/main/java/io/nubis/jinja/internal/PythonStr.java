package io.nubis.jinja.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jinjava.javax.el.ELException;

/**
 * Python {@code str} methods on Java strings, with Python's results: indices count code
 * points, {@code start}/{@code end} are clipped like slice bounds (negative from the end),
 * whitespace is Python's ({@code str.isspace}). Bad arguments throw {@link PyError} with
 * Python's wording.
 */
final class PythonStr {
    private PythonStr() {
    }

    static boolean startsWith(String s, Object prefix, Long start, Long end) {
        return tailMatch(s, "startswith", prefix, start, end, true);
    }

    static boolean endsWith(String s, Object suffix, Long start, Long end) {
        return tailMatch(s, "endswith", suffix, start, end, false);
    }

    private static boolean tailMatch(String s, String name, Object affix, Long start, Long end, boolean head) {
        List<?> choices;
        if (affix instanceof String) {
            choices = List.of(affix);
        } else if (affix instanceof List<?> tuple) {
            choices = tuple;
        } else {
            throw new PyError(name + " first arg must be str or a tuple of str, not " + typeName(affix));
        }
        int[] span = span(s, start, end);
        for (Object o : choices) {
            if (!(o instanceof String c)) {
                throw new PyError("tuple for " + name + " must only contain str, not " + typeName(o));
            }
            if (span[1] - span[0] >= c.codePointCount(0, c.length())) {
                String slice = slice(s, span);
                if (head ? slice.startsWith(c) : slice.endsWith(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code str.split(sep=None, maxsplit=-1)}. */
    static List<String> split(String s, String sep, long maxsplit) {
        long left = maxsplit < 0 ? Long.MAX_VALUE : maxsplit;
        List<String> out = new ArrayList<>();
        int n = s.length();
        if (sep == null) {
            int i = 0;
            while (left-- > 0) {
                i = skipSpace(s, i);
                if (i == n) {
                    break;
                }
                int j = i;
                while (i < n && !isSpace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
                out.add(s.substring(j, i));
            }
            i = skipSpace(s, i);
            if (i < n) {
                out.add(s.substring(i));
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new PyError("empty separator");
        }
        int from = 0;
        int at;
        while (left-- > 0 && (at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** {@code str.strip}, {@code lstrip}, {@code rstrip}: {@code chars} null strips whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int from = 0;
        int to = s.length();
        while (left && from < to && stripped(s.codePointAt(from), chars)) {
            from += Character.charCount(s.codePointAt(from));
        }
        while (right && to > from && stripped(s.codePointBefore(to), chars)) {
            to -= Character.charCount(s.codePointBefore(to));
        }
        return s.substring(from, to);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(cp) >= 0;
    }

    /** {@code str.replace(old, new, count=-1)}. */
    static String replace(String s, String old, String replacement, long count) {
        long left = count < 0 ? Long.MAX_VALUE : count;
        StringBuilder b = new StringBuilder();
        if (old.isEmpty()) {
            int i = 0;
            while (i < s.length()) {
                if (left-- > 0) {
                    b.append(replacement);
                }
                int cp = s.codePointAt(i);
                b.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            if (left > 0) {
                b.append(replacement);
            }
            return b.toString();
        }
        int from = 0;
        int at;
        while (left-- > 0 && (at = s.indexOf(old, from)) >= 0) {
            b.append(s, from, at).append(replacement);
            from = at + old.length();
        }
        return b.append(s, from, s.length()).toString();
    }

    /** {@code str.count(sub[, start[, end]])}: non-overlapping occurrences. */
    static long count(String s, String sub, Long start, Long end) {
        int[] span = span(s, start, end);
        if (span[1] < span[0]) {
            return 0;
        }
        String slice = slice(s, span);
        if (sub.isEmpty()) {
            return slice.codePointCount(0, slice.length()) + 1L;
        }
        long n = 0;
        int at = slice.indexOf(sub);
        while (at >= 0) {
            n++;
            at = slice.indexOf(sub, at + sub.length());
        }
        return n;
    }

    /** {@code str.find(sub[, start[, end]])}: lowest code point index, or -1. */
    static long find(String s, String sub, Long start, Long end) {
        int[] span = span(s, start, end);
        if (span[1] - span[0] < sub.codePointCount(0, sub.length())) {
            return -1;
        }
        String slice = slice(s, span);
        int at = slice.indexOf(sub);
        return at < 0 ? -1 : span[0] + slice.codePointCount(0, at);
    }

    /** {@code sep.join(iterable)}: every item must be a str. */
    static String join(String sep, Object iterable) {
        Iterable<?> items;
        if (iterable instanceof String str) {
            items = str.codePoints().mapToObj(Character::toString).toList();
        } else if (iterable instanceof Map<?, ?> map) {
            items = map.keySet();
        } else if (iterable instanceof Iterable<?> it) {
            items = it;
        } else if (iterable instanceof Object[] array) {
            items = Arrays.asList(array);
        } else {
            throw new PyError("can only join an iterable");
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (Object o : items) {
            if (!(o instanceof String item)) {
                throw new PyError("sequence item " + i + ": expected str instance, " + typeName(o) + " found");
            }
            if (i++ > 0) {
                b.append(sep);
            }
            b.append(item);
        }
        return b.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code str.title()}: a cased letter after an uncased character is title-cased, others lowered. */
    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            b.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            previousCased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** {@code str.capitalize()}: first character title-cased, the rest lowered. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int cp = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(cp))
                .append(s.substring(Character.charCount(cp)).toLowerCase(Locale.ROOT)).toString();
    }

    /** {@code str.isdigit()}: non-empty, and every character a decimal digit or a digit like '²'. */
    static boolean isDigit(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(cp -> Character.isDigit(cp)
                || Character.getType(cp) == Character.OTHER_NUMBER
                        && Character.getNumericValue(cp) >= 0 && Character.getNumericValue(cp) <= 9);
    }

    /** Python's {@code str.isspace} for one character. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return i;
    }

    /**
     * Python's slice-bound adjustment in code points: {@code [start, end]} with end clipped to the
     * length and negatives counted from the end; start may exceed end (an empty span).
     */
    private static int[] span(String s, Long start, Long end) {
        long len = s.codePointCount(0, s.length());
        long e = end == null ? len : end;
        if (e > len) {
            e = len;
        } else if (e < 0) {
            e = Math.max(0, e + len);
        }
        long b = start == null ? 0 : start;
        if (b < 0) {
            b = Math.max(0, b + len);
        }
        return new int[] {(int) Math.min(b, len + 1), (int) e};
    }

    /** The text of a non-empty-or-empty span whose start is not past its end. */
    private static String slice(String s, int[] span) {
        int from = s.offsetByCodePoints(0, span[0]);
        return s.substring(from, s.offsetByCodePoints(from, span[1] - span[0]));
    }

    /** Python's name for the type of a template value. */
    static String typeName(Object o) {
        if (o == null) {
            return "NoneType";
        } else if (o instanceof CharSequence) {
            return "str";
        } else if (o instanceof Boolean) {
            return "bool";
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof java.math.BigInteger) {
            return "int";
        } else if (o instanceof Number) {
            return "float";
        } else if (o instanceof Map) {
            return "dict";
        } else if (o instanceof List || o instanceof Object[]) {
            return "list";
        }
        return o.getClass().getSimpleName();
    }

    /**
     * A Python {@code TypeError} or {@code ValueError} raised by a str method; an
     * {@link ELException}, so Jinjava reports it as a failed expression.
     */
    static final class PyError extends ELException {
        private static final long serialVersionUID = 1L;

        PyError(String message) {
            super(message);
        }
    }
}
