package io.nubis.adapter.doas.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks doas rules as the reference's {@code is_doas_rule_valid} does: the rule's identity must be the user. */
final class DoasRule {
    private static final String NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]*";
    private static final Pattern RULE = Pattern.compile("(?:permit|deny)"
            + "(?:[ \\t]+(?:nolog|nopass|persist|keepenv|setenv[ \\t]*\\{[^}\\n]*\\}))*"
            + "[ \\t]+(" + NAME + ")"
            + "(?:[ \\t]+as[ \\t]+" + NAME + ")?"
            + "(?:[ \\t]+cmd[ \\t]+\\S+(?:[ \\t]+args(?:[ \\t]+\\S+)*)?)?[ \\t]*");
    private static final Pattern USER = Pattern.compile(NAME + "\\$?");

    private DoasRule() {
    }

    /** The rules, stripped, or an error naming the first rule that is not for {@code user}. */
    static List<String> check(String user, List<String> rules) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("invalid user name for doas rules: '" + user + "'");
        }
        List<String> out = new ArrayList<>();
        for (String rule : rules == null ? List.<String>of() : rules) {
            String r = rule == null ? "" : rule.strip();
            Matcher m = RULE.matcher(r);
            if (!m.matches()) {
                throw new IllegalArgumentException("invalid doas rule for user '" + user + "': '" + printable(r) + "'");
            }
            if (!m.group(1).equals(user)) {
                throw new IllegalArgumentException("doas rule '" + r + "' is for '" + m.group(1) + "', not for user '" + user + "'");
            }
            out.add(r);
        }
        return out;
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
