package io.nubis.adapter.rcconf.internal;

import java.util.regex.Pattern;

/**
 * Quotes an rc.conf value the way the reference's {@code bsd_utils.set_rc_config_value} does
 * (Python's {@code shlex.quote}): plain words stay bare ({@code DHCP}), anything else goes in
 * single quotes ({@code 'inet 192.0.2.5 netmask 255.255.255.0'}).
 */
final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    static String quote(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
