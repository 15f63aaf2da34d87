package io.nubis.cc.bootcmd.internal;

import java.util.List;

import io.nubis.api.config.Values;
import io.nubis.api.module.ModuleException;

/**
 * The reference's {@code util.shellify}: a {@code #!/bin/sh} script with one line per command.
 * A list command becomes its items, each single-quoted for a POSIX shell ({@code '} written as
 * {@code '\''}); a string command is written as it is (so it may use shell syntax); null items
 * (YAML comments) are skipped. Scalars inside a list are written as Python's {@code str} shows
 * them ({@code True}, {@code None}, {@code 5}).
 */
final class Shellify {
    private Shellify() {
    }

    /**
     * @param key the config key, for messages ({@code bootcmd})
     * @throws ModuleException if the value is not a list, or an item is neither a list nor a string
     */
    static Script shellify(String key, Object commands) throws ModuleException {
        if (!(commands instanceof List<?> items)) {
            throw new ModuleException(key + ": expected a list of commands, got " + Values.typeName(commands));
        }
        StringBuilder sb = new StringBuilder("#!/bin/sh\n");
        int made = 0;
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null) {
                continue;
            }
            if (item instanceof List<?> argv) {
                StringBuilder line = new StringBuilder();
                for (Object a : argv) {
                    if (a instanceof List || a instanceof java.util.Map) {
                        throw new ModuleException(key + "[" + i + "]: a command's arguments must be scalars, got "
                                + Values.typeName(a));
                    }
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append('\'').append(pyStr(a).replace("'", "'\\''")).append('\'');
                }
                sb.append(line).append('\n');
                made++;
            } else if (item instanceof String s) {
                sb.append(s).append('\n');
                made++;
            } else {
                throw new ModuleException(key + "[" + i + "]: unable to shellify type '" + Values.typeName(item)
                        + "'. Expected list, string, tuple. Got: " + item);
            }
        }
        return new Script(sb.toString(), made);
    }

    /** Python's {@code str()} of a YAML scalar. */
    static String pyStr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    /**
     * A shellified script.
     *
     * @param text     the script text
     * @param commands how many commands it holds
     */
    record Script(String text, int commands) {
    }
}
