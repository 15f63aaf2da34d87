package io.nubis.api.distro;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Argument checks shared by {@link UserManager} adapters: names no user tool can read as an
 * option, fields that cannot break a passwd/shadow line, dates and day counts; and the
 * {@code name:password} lines chpasswd-style tools read. Errors are
 * {@link IllegalArgumentException}s that never include a password.
 */
public final class UserToolArgs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\\$?");
    private static final Pattern DAYS = Pattern.compile("-?\\d{1,6}");

    private UserToolArgs() {
    }

    /** A user or group name. */
    public static String name(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " '" + value + "'");
        }
        return value;
    }

    /** A free-text passwd field (gecos): no colon, no control character. */
    public static String field(String what, String value) {
        if (value.indexOf(':') >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain ':' or control characters");
        }
        return value;
    }

    /** An absolute path for a passwd field (home, shell). */
    public static String path(String what, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(what + " must be an absolute path, not '" + field(what, value) + "'");
        }
        return field(what, value);
    }

    /** An expiry date, YYYY-MM-DD. */
    public static LocalDate date(String what, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(what + " must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** A number of days (-1 for none). */
    public static String days(String what, String value) {
        if (!DAYS.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a number of days, not '" + value + "'");
        }
        return value;
    }

    /** A password or hash: one line. */
    public static String secret(String user, String password) {
        if (password == null || password.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("the password for '" + user + "' must be a single line");
        }
        return password;
    }

    /** {@code name:password} lines, in map order. */
    public static byte[] chpasswdInput(Map<String, String> passwords) {
        if (passwords == null || passwords.isEmpty()) {
            throw new IllegalArgumentException("no passwords to set");
        }
        StringBuilder sb = new StringBuilder();
        passwords.forEach((user, pw) -> sb.append(name("user name", user)).append(':').append(secret(user, pw)).append('\n'));
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
