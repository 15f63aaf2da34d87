package io.nubis.adapter.sysconfig.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.nubis.api.net.support.PyStr;

/**
 * The variables of one sysconfig file ({@code ifcfg-eth0}): written under the reference's
 * header, sorted by name, booleans as {@code yes}/{@code no}, values with white space in
 * double quotes.
 */
final class ShellVars {
    /** The reference's header of every sysconfig file it writes. */
    static final String HEADER = "# Created by cloud-init on instance boot automatically, do not edit.\n#";
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    private final Map<String, Object> vars = new TreeMap<>();

    void put(String name, Object value) {
        vars.put(name, value);
    }

    Object get(String name) {
        return vars.get(name);
    }

    boolean has(String name) {
        return vars.containsKey(name);
    }

    boolean isEmpty() {
        return vars.isEmpty();
    }

    /** The file's text. */
    String render() {
        StringBuilder sb = new StringBuilder(HEADER);
        if (!vars.isEmpty()) {
            sb.append('\n');
        }
        vars.forEach((name, value) -> sb.append(name).append('=').append(quote(text(value))).append('\n'));
        return sb.toString();
    }

    private static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return PyStr.of(value);
    }

    /** Double quotes around a value with white space, unless it already has them. */
    static String quote(String value) {
        if (!WHITESPACE.matcher(value).find() || value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value;
        }
        return "\"" + value + "\"";
    }
}
