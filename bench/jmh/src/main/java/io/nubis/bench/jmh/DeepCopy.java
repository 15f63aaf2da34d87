package io.nubis.bench.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies parsed YAML (maps, lists, scalars) so every benchmark invocation merges fresh input. */
final class DeepCopy {
    private DeepCopy() {
    }

    static Object of(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, of(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(of(v)));
            return out;
        }
        return o;
    }
}
