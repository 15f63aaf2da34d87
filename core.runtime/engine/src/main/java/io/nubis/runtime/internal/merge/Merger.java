package io.nubis.runtime.internal.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a new value into an old one under a {@link MergeSpec}, as cloud-init's mergers do: the
 * merger is picked by the type of the <em>old</em> value (mapping, list, string); any other old
 * value is kept. Inputs are never changed; the result shares nothing with the new value.
 */
final class Merger {
    private final MergeSpec spec;

    Merger(MergeSpec spec) {
        this.spec = spec;
    }

    Object merge(Object old, Object neu, Track t) {
        if (old instanceof Map<?, ?> m) {
            return mergeDict(m, neu, t);
        }
        if (old instanceof List<?> l) {
            return mergeList(l, neu, t);
        }
        if (old instanceof String s) {
            return mergeStr(s, neu, t);
        }
        return old;
    }

    private Object mergeDict(Map<?, ?> old, Object neu, Track t) {
        if (!(neu instanceof Map<?, ?> incoming)) {
            return old;
        }
        DictOptions o = spec.dict();
        Map<String, Object> out = new LinkedHashMap<>();
        old.forEach((k, v) -> out.put(String.valueOf(k), v));
        for (Map.Entry<?, ?> e : incoming.entrySet()) {
            String k = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (!out.containsKey(k)) {
                out.put(k, copy(v));
                t.child(k).replaced(v);
            } else if (v == null && o.allowDelete()) {
                out.remove(k);
                t.deleted(k);
            } else if (o.replace()) {
                out.put(k, copy(v));
                t.child(k).replaced(v);
            } else if (v instanceof Map || (v instanceof List && o.recurseList()) || (v instanceof String && o.recurseStr())) {
                out.put(k, merge(out.get(k), v, t.child(k)));
            }
            // otherwise no_replace keeps the old value
        }
        return out;
    }

    private Object mergeList(List<?> old, Object neu, Track t) {
        ListOptions o = spec.list();
        switch (o.method()) {
            case NO_REPLACE:
                return old;
            case APPEND: {
                List<Object> out = new ArrayList<>(old);
                out.addAll(items(neu));
                t.combined();
                return out;
            }
            case PREPEND: {
                List<Object> out = new ArrayList<>(items(neu));
                out.addAll(old);
                t.combined();
                return out;
            }
            default:
                break;
        }
        if (!(neu instanceof List<?> incoming)) {
            t.replaced(neu);
            return copy(neu);
        }
        List<Object> out = new ArrayList<>(old);
        int common = Math.min(old.size(), incoming.size());
        boolean recursed = false;
        for (int i = 0; i < common; i++) {
            Object v = incoming.get(i);
            if ((v instanceof List && o.recurseList()) || (v instanceof String && o.recurseStr())
                    || (v instanceof Map && o.recurseDict())) {
                out.set(i, merge(old.get(i), v, t.element()));
                recursed = true;
            } else {
                out.set(i, copy(v));
            }
        }
        // the reference drops new items beyond the old length; they are kept here (quirk 9)
        for (int i = common; i < incoming.size(); i++) {
            out.add(copy(incoming.get(i)));
        }
        if (incoming.isEmpty()) {
            return out;
        }
        if (!recursed && common == old.size()) {
            t.replaced(neu);
        } else {
            t.combined();
        }
        return out;
    }

    private Object mergeStr(String old, Object neu, Track t) {
        if (spec.str().append() && neu instanceof String s) {
            t.combined();
            return old + s;
        }
        t.replaced(neu);
        return copy(neu);
    }

    /** A non-list value appended or prepended is one item (the reference would splice its characters). */
    private static List<Object> items(Object neu) {
        if (neu instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) {
                out.add(copy(item));
            }
            return out;
        }
        List<Object> one = new ArrayList<>(1);
        one.add(copy(neu));
        return one;
    }

    /** A deep copy of plain data (mappings get string keys). */
    static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), copy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object item : l) {
                out.add(copy(item));
            }
            return out;
        }
        if (v instanceof byte[] b) {
            return b.clone();
        }
        return v;
    }
}
