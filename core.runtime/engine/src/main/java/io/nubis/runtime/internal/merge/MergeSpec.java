package io.nubis.runtime.internal.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A merge specification: the options of the {@code dict}, {@code list} and {@code str} mergers, as
 * written in a cloud-config's {@code merge_how} / {@code merge_type} key (string form
 * {@code list(append)+dict(recurse_array)+str()} or list form
 * {@code [{name: list, settings: [append]}, ...]}) or in a MIME {@code Merge-Type} header.
 *
 * <p>Names and options are case-insensitive and {@code -} equals {@code _}; a merger may be written
 * {@code m_dict}. When a merger is named twice the first one counts. A merger the spec does not name
 * gets its default options ({@code dict()}, {@code list()}, {@code str()}). Unknown mergers, unknown
 * options and values of the wrong type are {@link MergeException}s naming the source and key.
 */
public final class MergeSpec {
    /** Cloud-config key holding a spec. */
    public static final String MERGE_HOW = "merge_how";
    /** Older cloud-config key holding a spec, read when {@code merge_how} is absent. */
    public static final String MERGE_TYPE = "merge_type";
    /** MIME header holding a spec. */
    public static final String HEADER = "Merge-Type";
    /** Alternative MIME header, read when {@code Merge-Type} is absent or empty. */
    public static final String X_HEADER = "X-Merge-Type";

    private static final Pattern NAMED = Pattern.compile("^([a-z_][a-z0-9_]*)\\((.*?)\\)$");
    private static final Set<String> DICT_OPTIONS =
            Set.of("replace", "no_replace", "recurse_str", "recurse_array", "recurse_list", "recurse_dict", "allow_delete");
    private static final Set<String> LIST_OPTIONS = Set.of("append", "prepend", "replace", "no_replace",
            "recurse_dict", "recurse_str", "recurse_array", "recurse_list");
    private static final Set<String> STR_OPTIONS = Set.of("append", "replace");

    /** Default for combining user-data cloud-config parts: later parts replace top-level keys wholesale. */
    public static final MergeSpec PART_DEFAULT = parse("dict(replace)+list()+str()", "built-in part default");
    /** Default for config files ({@code util.mergemanydict}): earlier sources win, nested mappings merge. */
    public static final MergeSpec CONFIG_DEFAULT = parse("list()+dict()+str()", "built-in config default");

    private final DictOptions dict;
    private final ListOptions list;
    private final StrOptions str;

    /** The three mergers' options. */
    public MergeSpec(DictOptions dict, ListOptions list, StrOptions str) {
        this.dict = dict;
        this.list = list;
        this.str = str;
    }

    /** Options of the dict merger. */
    public DictOptions dict() {
        return dict;
    }

    /** Options of the list merger. */
    public ListOptions list() {
        return list;
    }

    /** Options of the str merger. */
    public StrOptions str() {
        return str;
    }

    /**
     * One merger as named in a spec, not yet validated.
     *
     * @param name    merger name, normalised (lower case, {@code _} for {@code -})
     * @param options option names, normalised
     * @param origin  where it was written ({@code merge_how[1]}, {@code Merge-Type header})
     */
    public record Entry(String name, List<String> options, String origin) {
    }

    /**
     * A cloud-config document with its spec keys taken out.
     *
     * @param document the document without {@code merge_how} and {@code merge_type}
     * @param entries  the mergers it names, empty if none
     */
    public record Extracted(Map<String, Object> document, List<Entry> entries) {
    }

    /** Parses a complete string-form spec; mergers it does not name get their defaults. */
    public static MergeSpec parse(String text, String source) {
        return resolve(parseString(text, source, "merge spec"), null, source);
    }

    /**
     * Parses a spec value in string or list form.
     *
     * @param value  the value of {@code merge_how} (a string or a list)
     * @param source file path or part label, for errors
     * @param key    the key it was read from, for errors
     */
    public static List<Entry> entries(Object value, String source, String key) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return parseString(s, source, key);
        }
        if (!(value instanceof List<?> items)) {
            throw new MergeException(source, key + ": expected a string like 'list(append)+dict()+str()' or a list, got "
                    + typeName(value));
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String where = key + "[" + i + "]";
            if (item instanceof Map<?, ?> m) {
                Object name = m.get("name");
                if (!(name instanceof String n) || n.isBlank()) {
                    throw new MergeException(source, where + ".name: expected a merger name (dict, list or str), got "
                            + typeName(name));
                }
                for (Object k : m.keySet()) {
                    if (!"name".equals(k) && !"settings".equals(k)) {
                        throw new MergeException(source, where + ": unknown key '" + k + "' (expected name and settings)");
                    }
                }
                out.add(new Entry(normalise(n), settings(m.get("settings"), source, where + ".settings"), where));
            } else if (item instanceof List<?> l) {
                if (l.isEmpty() || !(l.get(0) instanceof String n) || n.isBlank()) {
                    throw new MergeException(source, where + ": expected [name, option...], got " + typeName(item));
                }
                out.add(new Entry(normalise(n), settings(l.subList(1, l.size()), source, where), where));
            } else if (item instanceof String s) {
                out.addAll(parseString(s, source, where));
            } else {
                throw new MergeException(source, where + ": expected {name: ..., settings: [...]}, got " + typeName(item));
            }
        }
        return out;
    }

    /**
     * Takes {@code merge_how} (or, when it is absent or null, {@code merge_type}) out of a
     * cloud-config document. Both keys are removed; the given map is not changed.
     */
    public static Extracted extract(Map<String, Object> document, String source) {
        if (document == null) {
            return new Extracted(new LinkedHashMap<>(), List.of());
        }
        if (!document.containsKey(MERGE_HOW) && !document.containsKey(MERGE_TYPE)) {
            return new Extracted(document, List.of());
        }
        Map<String, Object> rest = new LinkedHashMap<>(document);
        Object how = rest.remove(MERGE_HOW);
        Object type = rest.remove(MERGE_TYPE);
        List<Entry> entries = how != null ? entries(how, source, MERGE_HOW) : entries(type, source, MERGE_TYPE);
        return new Extracted(rest, entries);
    }

    /** The header value of a MIME part: {@code Merge-Type}, else {@code X-Merge-Type}; null if neither is set. */
    public static String headerValue(Function<String, String> header) {
        for (String name : List.of(HEADER, X_HEADER)) {
            String v = header.apply(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Parses a {@code Merge-Type} header value (string form); null or blank gives no entries. */
    public static List<Entry> headerEntries(String headerValue, String source) {
        return headerValue == null ? List.of() : parseString(headerValue, source, HEADER + " header");
    }

    /**
     * Validates entries and builds the spec: the first entry of each merger counts, mergers not
     * named get their defaults.
     *
     * @param whenEmpty returned when there are no entries (null: all defaults)
     */
    public static MergeSpec resolve(List<Entry> entries, MergeSpec whenEmpty, String source) {
        if (entries.isEmpty() && whenEmpty != null) {
            return whenEmpty;
        }
        DictOptions d = null;
        ListOptions l = null;
        StrOptions s = null;
        for (Entry e : entries) {
            String name = e.name().startsWith("m_") ? e.name().substring(2) : e.name();
            switch (name) {
                case "dict" -> {
                    check(e, DICT_OPTIONS, source);
                    if (d == null) {
                        d = dictOptions(e.options());
                    }
                }
                case "list" -> {
                    check(e, LIST_OPTIONS, source);
                    if (l == null) {
                        l = listOptions(e.options());
                    }
                }
                case "str" -> {
                    check(e, STR_OPTIONS, source);
                    if (s == null) {
                        s = new StrOptions(e.options().contains("append"));
                    }
                }
                default -> throw new MergeException(source,
                        e.origin() + ": unknown merger '" + e.name() + "' (known: dict, list, str)");
            }
        }
        return new MergeSpec(d == null ? DictOptions.DEFAULT : d, l == null ? ListOptions.DEFAULT : l,
                s == null ? StrOptions.DEFAULT : s);
    }

    private static void check(Entry e, Set<String> known, String source) {
        for (String o : e.options()) {
            if (!known.contains(o)) {
                throw new MergeException(source, e.origin() + ": unknown option '" + o + "' for merger "
                        + e.name() + " (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static DictOptions dictOptions(List<String> o) {
        // the reference checks "replace" before "no_replace": with both, replace wins
        return new DictOptions(o.contains("replace"), o.contains("recurse_str"),
                o.contains("recurse_array") || o.contains("recurse_list"), o.contains("allow_delete"));
    }

    private static ListOptions listOptions(List<String> o) {
        // first of append, prepend, replace, no_replace that is present, as the reference picks it
        ListMethod method = ListMethod.REPLACE;
        for (ListMethod m : List.of(ListMethod.APPEND, ListMethod.PREPEND, ListMethod.REPLACE, ListMethod.NO_REPLACE)) {
            if (o.contains(m.name().toLowerCase(Locale.ROOT))) {
                method = m;
                break;
            }
        }
        return new ListOptions(method, o.contains("recurse_dict"), o.contains("recurse_str"),
                o.contains("recurse_array") || o.contains("recurse_list"));
    }

    private static List<Entry> parseString(String text, String source, String key) {
        List<Entry> out = new ArrayList<>();
        for (String chunk : text.split("\\+", -1)) {
            String c = normalise(chunk);
            if (c.isEmpty()) {
                continue;
            }
            Matcher m = NAMED.matcher(c);
            if (!m.matches()) {
                throw new MergeException(source, key + ": '" + chunk.trim()
                        + "' is not of the form name(option,...), e.g. list(append)");
            }
            List<String> options = new ArrayList<>();
            for (String o : m.group(2).split(",", -1)) {
                String opt = o.trim();
                if (!opt.isEmpty()) {
                    options.add(opt);
                }
            }
            out.add(new Entry(m.group(1), List.copyOf(options), key));
        }
        return out;
    }

    private static List<String> settings(Object value, String source, String where) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            for (String o : s.split(",", -1)) {
                String opt = normalise(o);
                if (!opt.isEmpty()) {
                    out.add(opt);
                }
            }
            return List.copyOf(out);
        }
        if (!(value instanceof List<?> items)) {
            throw new MergeException(source, where + ": expected a list of option names, got " + typeName(value));
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                throw new MergeException(source, where + "[" + i + "]: expected an option name, got "
                        + typeName(items.get(i)));
            }
            String opt = normalise(s);
            if (!opt.isEmpty()) {
                out.add(opt);
            }
        }
        return List.copyOf(out);
    }

    private static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "a string";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return v.getClass().getSimpleName();
    }

    /** The effective spec in string form, e.g. {@code dict(no_replace)+list(append)+str()}. */
    @Override
    public String toString() {
        return dict + "+" + list + "+" + str;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MergeSpec m && dict.equals(m.dict) && list.equals(m.list) && str.equals(m.str);
    }

    @Override
    public int hashCode() {
        return dict.hashCode() * 31 * 31 + list.hashCode() * 31 + str.hashCode();
    }
}
