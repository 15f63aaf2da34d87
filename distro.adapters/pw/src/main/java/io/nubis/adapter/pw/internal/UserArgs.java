package io.nubis.adapter.pw.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks user-tool arguments so none can be read as an option or break a passwd/shadow line,
 * and builds the {@code name:password} lines chpasswd-style tools read. Error messages never
 * include a password.
 */
final class UserArgs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\\$?");
    private static final Pattern DAYS = Pattern.compile("-?\\d{1,6}");

    private UserArgs() {
    }

    /** A user or group name. */
    static String name(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + value + "'");
        }
        return value;
    }

    /** A free-text passwd field (gecos): no colon, no control character. */
    static String field(String what, String value) {
        if (value.indexOf(':') >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain ':' or control characters");
        }
        return value;
    }

    /** An absolute path for a passwd field (home, shell). */
    static String path(String what, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path, not '" + field(what, value) + "'");
        }
        return field(what, value);
    }

    /** An expiry date, YYYY-MM-DD. */
    static LocalDate date(String what, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** A number of days (-1 for none). */
    static String days(String what, String value) {
        if (!DAYS.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a number of days, not '" + value + "'");
        }
        return value;
    }

    /** A password or hash: one line. */
    static String secret(String user, String password) {
        if (password == null || password.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("the password for '" + user + "' must be a single line");
        }
        return password;
    }

    /** {@code name:password} lines, in map order. */
    static byte[] chpasswdInput(Map<String, String> passwords) {
        if (passwords == null || passwords.isEmpty()) {
            throw new IllegalArgumentException("no passwords to set");
        }
        StringBuilder sb = new StringBuilder();
        passwords.forEach((user, pw) -> sb.append(name("user name", user)).append(':').append(secret(user, pw)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
