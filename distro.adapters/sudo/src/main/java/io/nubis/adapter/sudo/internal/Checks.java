package io.nubis.adapter.sudo.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Input checks: a rule or user name must stay on its own sudoers line. */
final class Checks {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*\\$?");

    private Checks() {
    }

    static String user(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("invalid user name for sudo rules: '" + user + "'");
        }
        return user;
    }

    static List<String> rules(List<String> rules) {
        if (rules == null) {
            return List.of();
        }
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            if (rule == null || rule.isBlank() || rule.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new IllegalArgumentException("sudo rule #" + (i + 1) + " must be one non-empty line");
            }
        }
        return rules;
    }
}
