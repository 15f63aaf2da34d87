package io.nubis.jinja.internal;

import java.beans.FeatureDescriptor;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.objects.collections.PyList;

import io.nubis.jinja.internal.PythonStr.PyError;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Expression resolver that gives template strings the Python {@code str} methods cloud-init
 * templates call ({@code v1.instance_id.startswith("iid-")}, {@code ",".join(keys)},
 * {@code s.split()}...), which Jinjava lacks. It answers only method calls on a {@link String}
 * whose name is one of {@link #SIGNATURES}; everything else (properties, other methods, other
 * bases) falls through to Jinjava's own resolvers. Installed with
 * {@code JinjavaConfig.Builder.withElResolver}, Jinjava's supported resolver hook.
 */
final class PythonStrResolver extends ELResolver {
    /** Method name to {minimum, maximum} positional arguments; keyword names where Python accepts them. */
    private static final Map<String, int[]> SIGNATURES = Map.ofEntries(
            Map.entry("startswith", new int[] {1, 3}), Map.entry("endswith", new int[] {1, 3}),
            Map.entry("split", new int[] {0, 2}),
            Map.entry("strip", new int[] {0, 1}), Map.entry("lstrip", new int[] {0, 1}),
            Map.entry("rstrip", new int[] {0, 1}),
            Map.entry("lower", new int[] {0, 0}), Map.entry("upper", new int[] {0, 0}),
            Map.entry("title", new int[] {0, 0}), Map.entry("capitalize", new int[] {0, 0}),
            Map.entry("isdigit", new int[] {0, 0}),
            Map.entry("replace", new int[] {2, 3}),
            Map.entry("count", new int[] {1, 3}), Map.entry("find", new int[] {1, 3}),
            Map.entry("join", new int[] {1, 1}));
    /** Keyword parameters, in positional order, of the methods that take keywords. */
    private static final Map<String, List<String>> KEYWORDS = Map.of("split", List.of("sep", "maxsplit"));

    /** This resolver ahead of Jinjava's default read-only resolvers. */
    static ELResolver beforeJinjavaDefaults() {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new PythonStrResolver());
        chain.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return chain;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof String s) || method == null || !SIGNATURES.containsKey(method.toString())) {
            return null;
        }
        String name = method.toString();
        Object[] a = bind(name, params == null ? new Object[0] : params);
        Object result = switch (name) {
            case "startswith" -> PythonStr.startsWith(s, a[0], index(name, a[1]), index(name, a[2]));
            case "endswith" -> PythonStr.endsWith(s, a[0], index(name, a[1]), index(name, a[2]));
            case "split" -> new PyList(new ArrayList<>(PythonStr.split(s, optionalStr(name, a[0]),
                    a[1] == null ? -1 : integer(name, a[1]))));
            case "strip" -> PythonStr.strip(s, optionalStr(name, a[0]), true, true);
            case "lstrip" -> PythonStr.strip(s, optionalStr(name, a[0]), true, false);
            case "rstrip" -> PythonStr.strip(s, optionalStr(name, a[0]), false, true);
            case "lower" -> PythonStr.lower(s);
            case "upper" -> PythonStr.upper(s);
            case "title" -> PythonStr.title(s);
            case "capitalize" -> PythonStr.capitalize(s);
            case "isdigit" -> PythonStr.isDigit(s);
            case "replace" -> PythonStr.replace(s, str(name, a[0]), str(name, a[1]),
                    a[2] == null ? -1 : integer(name, a[2]));
            case "count" -> PythonStr.count(s, str(name, a[0]), index(name, a[1]), index(name, a[2]));
            case "find" -> PythonStr.find(s, str(name, a[0]), index(name, a[1]), index(name, a[2]));
            case "join" -> PythonStr.join(s, a[0]);
            default -> throw new IllegalStateException(name);
        };
        context.setPropertyResolved(true);
        return result;
    }

    /**
     * Positional then keyword arguments into the method's parameter slots (null = not given),
     * with Python's complaints about too many, too few, unknown or repeated arguments.
     */
    private static Object[] bind(String name, Object[] params) {
        int[] arity = SIGNATURES.get(name);
        List<String> keywords = KEYWORDS.getOrDefault(name, List.of());
        Object[] slots = new Object[arity[1]];
        boolean[] given = new boolean[arity[1]];
        int positional = 0;
        for (Object p : params) {
            if (p instanceof NamedParameter np) {
                int at = keywords.indexOf(np.getName());
                if (keywords.isEmpty()) {
                    throw new PyError("str." + name + "() takes no keyword arguments");
                }
                if (at < 0) {
                    throw new PyError("str." + name + "() got an unexpected keyword argument '" + np.getName() + "'");
                }
                if (given[at]) {
                    throw new PyError("str." + name + "() got multiple values for argument '" + np.getName() + "'");
                }
                slots[at] = np.getValue();
                given[at] = true;
            } else {
                if (positional >= arity[1]) {
                    throw new PyError(arityText(name, arity, params.length));
                }
                slots[positional] = p;
                given[positional++] = true;
            }
        }
        for (int i = 0; i < arity[0]; i++) {
            if (!given[i]) {
                throw new PyError(arityText(name, arity, params.length));
            }
        }
        return slots;
    }

    private static String arityText(String name, int[] arity, int count) {
        String expected = arity[0] == arity[1]
                ? (arity[0] == 0 ? "no arguments" : "exactly " + arity[0] + " argument" + (arity[0] == 1 ? "" : "s"))
                : "from " + arity[0] + " to " + arity[1] + " arguments";
        return "str." + name + "() takes " + expected + " (" + count + " given)";
    }

    private static String str(String name, Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw new PyError("str." + name + "() argument must be str, not " + PythonStr.typeName(o));
    }

    private static String optionalStr(String name, Object o) {
        return o == null ? null : str(name, o);
    }

    private static long integer(String name, Object o) {
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        throw new PyError("str." + name + "() expects an integer, not " + PythonStr.typeName(o));
    }

    /** A slice bound: an integer or None. */
    private static Long index(String name, Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger) {
            return integer(name, o);
        }
        throw new PyError("slice indices must be integers or None (str." + name + "(), got "
                + PythonStr.typeName(o) + ")");
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // never resolves a property: the next resolver does
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
