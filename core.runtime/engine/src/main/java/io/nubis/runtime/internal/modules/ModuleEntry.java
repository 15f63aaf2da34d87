package io.nubis.runtime.internal.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.nubis.api.config.Values;

/**
 * One item of a module list ({@code cloud_init_modules}...): {@code name},
 * {@code [name, frequency, args...]} or {@code {name, frequency, args}}. Names are canonical:
 * {@code -} becomes {@code _} and a {@code cc_} prefix is dropped.
 *
 * @param name      canonical module name
 * @param frequency the frequency the list asks for, or null for the module's own
 * @param args      extra arguments (as {@code single} gives them)
 */
public record ModuleEntry(String name, String frequency, List<String> args) {

    /** Copies the argument list. */
    public ModuleEntry {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** {@code -} to {@code _} and no {@code cc_} prefix. */
    public static String canonical(String raw) {
        String n = raw.trim().replace('-', '_');
        return n.startsWith("cc_") ? n.substring(3) : n;
    }

    /**
     * Parses a module list. Items of the wrong shape are reported to {@code problems} with their
     * key path ({@code cloud_config_modules[3]}) and skipped; empty items are ignored.
     */
    public static List<ModuleEntry> parse(String key, Object list, Consumer<String> problems) {
        List<ModuleEntry> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (!(list instanceof List<?> items)) {
            problems.accept(key + ": expected a list of modules, got " + Values.typeName(list));
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String where = key + "[" + i + "]";
            try {
                ModuleEntry e = one(where, item);
                if (e != null) {
                    out.add(e);
                }
            } catch (IllegalArgumentException ex) {
                problems.accept(ex.getMessage());
            }
        }
        return out;
    }

    private static ModuleEntry one(String where, Object item) {
        if (item == null || "".equals(item) || (item instanceof List<?> l && l.isEmpty())) {
            return null;
        }
        if (item instanceof String s) {
            return named(where, s, null, List.of());
        }
        if (item instanceof List<?> l) {
            String name = scalar(where + "[0]", l.get(0));
            String freq = l.size() >= 2 && l.get(1) != null ? scalar(where + "[1]", l.get(1)).trim() : null;
            List<String> args = new ArrayList<>();
            for (int i = 2; i < l.size(); i++) {
                args.add(l.get(i) == null ? "" : argument(l.get(i)));
            }
            return named(where, name, freq, args);
        }
        if (item instanceof Map<?, ?> m) {
            if (!m.containsKey("name")) {
                throw new IllegalArgumentException(where + ": a module mapping needs a 'name'");
            }
            String name = scalar(where + ".name", m.get("name"));
            String freq = m.get("frequency") == null ? null : scalar(where + ".frequency", m.get("frequency")).trim();
            List<String> args = new ArrayList<>();
            Object a = m.get("args");
            if (a instanceof List<?> al) {
                for (Object x : al) {
                    args.add(x == null ? "" : argument(x));
                }
            } else if (a != null) {
                args.add(argument(a));
            }
            return named(where, name, freq, args);
        }
        throw new IllegalArgumentException(where + ": expected a module name, a list or a mapping, got "
                + Values.typeName(item));
    }

    private static ModuleEntry named(String where, String raw, String freq, List<String> args) {
        String name = canonical(raw);
        if (name.isEmpty() || !name.matches("[A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException(where + ": invalid module name '" + raw + "'");
        }
        return new ModuleEntry(name, freq == null || freq.isEmpty() ? null : freq, args);
    }

    private static String scalar(String where, Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        throw new IllegalArgumentException(where + ": expected a string, got " + Values.typeName(v));
    }

    private static String argument(Object v) {
        return v instanceof String s ? s : String.valueOf(v);
    }
}
