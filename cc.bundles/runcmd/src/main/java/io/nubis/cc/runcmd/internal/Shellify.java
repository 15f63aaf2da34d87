package io.nubis.cc.runcmd.internal;

import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import io.nubis.api.config.Values;
import io.nubis.api.module.ModuleException;

/**
 * The reference's {@code util.shellify}, byte for byte: {@code #!/bin/sh\n}, then one line per
 * command. A list command is its items, each converted as Python's {@code str()} would and put in
 * single quotes, a {@code '} inside becoming {@code '\''}, joined by single spaces; a string command
 * is written as it is (it may use shell syntax); a null item (a YAML comment line) is skipped.
 * Anything else is an error naming the item. Nested lists or mappings inside a command, which
 * the reference would print as Python reprs, are rejected.
 */
final class Shellify {
    private Shellify() {
    }

    /**
     * @param key      the config key, for messages ({@code runcmd})
     * @param commands the value of the key
     * @return the script text
     * @throws ModuleException if the value is not a list, or an item is neither a list nor a string
     */
    static String shellify(String key, Object commands) throws ModuleException {
        if (!(commands instanceof List<?> items)) {
            throw new ModuleException(key + ": input to shellify was " + Values.typeName(commands)
                    + ", expected a list of commands");
        }
        StringBuilder sb = new StringBuilder("#!/bin/sh\n");
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null) {
                continue;
            }
            if (item instanceof List<?> argv) {
                for (int j = 0; j < argv.size(); j++) {
                    Object a = argv.get(j);
                    if (a instanceof List || a instanceof Map) {
                        throw new ModuleException(key + "[" + i + "][" + j + "]: a command word must be a scalar, got "
                                + Values.typeName(a));
                    }
                    if (j > 0) {
                        sb.append(' ');
                    }
                    sb.append('\'').append(pyStr(a).replace("'", "'\\''")).append('\'');
                }
                sb.append('\n');
            } else if (item instanceof String s) {
                sb.append(s).append('\n');
            } else {
                throw new ModuleException(key + "[" + i + "]: unable to shellify " + Values.typeName(item)
                        + " '" + pyStr(item) + "'; expected a list or a string");
            }
        }
        return sb.toString();
    }

    /** Python's {@code str()} of a YAML scalar as PyYAML loads it. */
    static String pyStr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return pyFloat(((Number) v).doubleValue());
        }
        if (v instanceof Date d) {
            SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
            day.setTimeZone(TimeZone.getTimeZone("UTC"));
            if (d.getTime() % 86_400_000L == 0) {
                return day.format(d);
            }
            SimpleDateFormat full = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
            full.setTimeZone(TimeZone.getTimeZone("UTC"));
            String s = full.format(d);
            long ms = Math.floorMod(d.getTime(), 1000L);
            return ms == 0 ? s : s + String.format(".%06d", ms * 1000);
        }
        return String.valueOf(v);
    }

    /** Python's {@code repr} of a float: shortest round-trip digits, exponent form outside 1e-4..1e16. */
    static String pyFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-4 && abs < 1e16) {
            String s = bd.toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        String digits = bd.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - bd.scale();
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
}
