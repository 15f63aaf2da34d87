package io.nubis.netconfig.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.nubis.api.net.NetworkConfigException;
import io.nubis.api.net.NetworkConfigException.Problem;

/** Collects every problem of one config, each with its key path, instead of stopping at the first. */
final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** Records a problem at {@code path}. */
    void add(String path, String message) {
        list.add(new Problem(path, message));
    }

    /** How many problems there are so far; readers compare counts to tell whether a value was good. */
    int size() {
        return list.size();
    }

    /** Throws the collected problems, if any. */
    void throwIfAny(String origin) throws NetworkConfigException {
        throwIfAny(origin, null);
    }

    /** Throws the collected problems, if any, in the order their paths have in {@code config}. */
    void throwIfAny(String origin, Object config) throws NetworkConfigException {
        if (list.isEmpty()) {
            return;
        }
        if (config != null) {
            Map<String, Integer> order = new HashMap<>();
            number(config, "", order);
            list.sort(Comparator.comparingInt(p -> position(p.path(), order)));
        }
        throw new NetworkConfigException(origin, list);
    }

    /** Numbers every path of the tree in document order. */
    private static void number(Object node, String path, Map<String, Integer> order) {
        order.putIfAbsent(path, order.size());
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> number(v, key(path, String.valueOf(k)), order));
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                number(l.get(i), index(path, i), order);
            }
        }
    }

    /** The document position of a path, or of its longest prefix that exists. */
    private static int position(String path, Map<String, Integer> order) {
        String p = path;
        while (!p.isEmpty()) {
            Integer n = order.get(p);
            if (n != null) {
                return n;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }

    /** {@code parent.key}, or {@code key} at the top. */
    static String key(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code parent[index]}. */
    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
