package io.nubis.cc.users.internal;

import java.util.regex.Pattern;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/**
 * Checks of user and group names and home directories taken from cloud-config, so none can be
 * read as a tool option, leave its passwd field, or point a home outside a clean absolute path.
 */
final class Names {
    /** What shadow, busybox and pw all accept: no leading '-', no '/', at most 32 characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\\$?");

    private Names() {
    }

    /** A user name at {@code keyPath}. */
    static String user(String keyPath, Object value) {
        return name(keyPath, "user name", value);
    }

    /** A group name at {@code keyPath}. */
    static String group(String keyPath, Object value) {
        return name(keyPath, "group name", value);
    }

    /** True if {@code value} is a name the user tools accept. */
    static boolean valid(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    private static String name(String keyPath, String what, Object value) {
        if (!(value instanceof String s)) {
            throw new ConfigException(keyPath, "expected a " + what + ", got " + Values.typeName(value));
        }
        if (!valid(s)) {
            throw new ConfigException(keyPath, "invalid " + what + " '" + printable(s)
                    + "' (letters, digits, '_', '.' and '-', not starting with '-', at most 32 characters)");
        }
        return s;
    }

    /**
     * A home directory: absolute, without {@code .} or {@code ..} components, empty components,
     * ':' or control characters, and not the root directory.
     */
    static String homedir(String keyPath, String value) {
        if (!value.startsWith("/") || value.length() < 2) {
            throw new ConfigException(keyPath, "home directory must be an absolute path below /, not '"
                    + printable(value) + "'");
        }
        if (value.indexOf(':') >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException(keyPath, "home directory must not contain ':' or control characters");
        }
        String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        for (String part : trimmed.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new ConfigException(keyPath, "home directory must be a plain absolute path, not '"
                        + printable(value) + "'");
            }
        }
        return trimmed;
    }

    /** A value for a message: control characters shown as '?'. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
