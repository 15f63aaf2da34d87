package io.nubis.cc.ssh.internal;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ssh_pwauth} as the reference's {@code handle_ssh_pwauth} reads it: true or false (also
 * the strings yes/no/on/off/1/0) set {@code PasswordAuthentication}; null or
 * {@code unchanged} leave it alone.
 */
final class PasswordAuth {
    private PasswordAuth() {
    }

    /** {@code yes}, {@code no}, or empty to leave sshd_config unchanged. */
    static Optional<String> sshdValue(Object v) {
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b ? "yes" : "no");
        }
        if (v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1) && n.doubleValue() == n.intValue()) {
            return Optional.of(n.intValue() == 1 ? "yes" : "no");
        }
        if (v instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true": case "yes": case "on": case "1":
                    return Optional.of("yes");
                case "false": case "no": case "off": case "0":
                    return Optional.of("no");
                case "unchanged":
                    return Optional.empty();
                default:
                    break;
            }
            throw new ConfigException("ssh_pwauth", "expected true, false or \"unchanged\", got '" + s + "'");
        }
        throw new ConfigException("ssh_pwauth", "expected true, false or \"unchanged\", got " + Values.typeName(v));
    }
}
