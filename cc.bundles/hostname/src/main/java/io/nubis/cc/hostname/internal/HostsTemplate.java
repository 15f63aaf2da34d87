package io.nubis.cc.hostname.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@code hosts.<name>.tmpl}: the subset of Jinja these templates use. A first line
 * {@code ## template: jinja} is dropped; {@code {# comments #}} are removed together with the
 * newline after them (Jinja's {@code trim_blocks}; {@code -#}} also drops all following
 * whitespace); {@code {{hostname}}} and {@code {{fqdn}}} are substituted. Any other tag is an
 * error, so an operator's template needing real Jinja fails loudly instead of being half-rendered.
 */
final class HostsTemplate {
    private static final Pattern HEADER = Pattern.compile("^##\\s*template:\\s*jinja[ \\t]*\\r?\\n", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("\\{#.*?(-?)#\\}", Pattern.DOTALL);
    private static final Pattern VAR = Pattern.compile("\\{\\{-?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*-?\\}\\}");

    private HostsTemplate() {
    }

    /**
     * @throws IllegalArgumentException naming the unsupported construct
     */
    static String render(String template, Map<String, String> vars) {
        String s = HEADER.matcher(template).replaceFirst("");
        StringBuilder out = new StringBuilder();
        Matcher c = COMMENT.matcher(s);
        int pos = 0;
        while (c.find()) {
            out.append(s, pos, c.start());
            int end = c.end();
            if (!c.group(1).isEmpty()) {
                while (end < s.length() && Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
            } else if (end < s.length() && s.charAt(end) == '\n') {
                end++;
            }
            pos = end;
        }
        out.append(s.substring(pos));
        s = out.toString();
        if (s.contains("{%") || s.contains("{#")) {
            throw new IllegalArgumentException("only {{hostname}}, {{fqdn}} and {# comments #} are supported in hosts templates");
        }
        Matcher v = VAR.matcher(s);
        StringBuilder r = new StringBuilder();
        while (v.find()) {
            String value = vars.get(v.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown variable '" + v.group(1) + "' (only hostname and fqdn are set)");
            }
            v.appendReplacement(r, Matcher.quoteReplacement(value));
        }
        v.appendTail(r);
        if (r.indexOf("{{") >= 0) {
            throw new IllegalArgumentException("unsupported expression in '{{ }}' (only {{hostname}} and {{fqdn}})");
        }
        return r.toString();
    }
}
