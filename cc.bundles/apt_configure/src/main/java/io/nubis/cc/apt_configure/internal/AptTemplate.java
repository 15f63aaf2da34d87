package io.nubis.cc.apt_configure.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.nubis.api.config.ConfigException;

/**
 * The reference's basic template substitution for apt sources: {@code $NAME} and
 * {@code ${NAME}} are replaced by known parameters ({@code RELEASE}, {@code MIRROR},
 * {@code PRIMARY}, {@code SECURITY}, {@code KEY_FILE} and their lower-case forms). Unknown names
 * are left as written; a known name without a value is an error naming the key.
 */
final class AptTemplate {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)\\}|\\$([A-Za-z0-9_.]+)");

    private AptTemplate() {
    }

    /**
     * @param path   key path of the text, for errors
     * @param params known names; a null value means known but unavailable
     */
    static String render(String path, String text, Map<String, String> params) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String replacement = m.group();
            if (params.containsKey(name)) {
                replacement = params.get(name);
                if (replacement == null) {
                    throw new ConfigException(path, "uses $" + name + " but no value is known for it"
                            + ("RELEASE".equalsIgnoreCase(name) || "codename".equals(name)
                                    ? " (no VERSION_CODENAME in /etc/os-release)" : ""));
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
