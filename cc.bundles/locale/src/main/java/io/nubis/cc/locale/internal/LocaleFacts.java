package io.nubis.cc.locale.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/**
 * How the distro records its locale, from {@code system_info.locale} in the profile's
 * defaults.cfg.
 *
 * @param defaultLocale locale used when cloud-config gives none
 * @param method        {@code update-locale}, {@code keyvalue}, {@code profile-script} or {@code login-conf}
 * @param configfile    the file the method writes
 * @param key           variable or capability name ({@code LANG}, {@code RC_LANG}, {@code lang})
 * @param genFile       locale.gen file for {@code update-locale}, or null
 * @param noRegen       locales {@code update-locale} never generates
 */
record LocaleFacts(String defaultLocale, String method, String configfile, String key, String genFile,
        List<String> noRegen) {
    static final String KEY = "system_info.locale";
    static final Set<String> METHODS = Set.of("update-locale", "keyvalue", "profile-script", "login-conf");

    static LocaleFacts from(CloudConfig cfg) {
        Map<String, Object> m = Values.asMap(KEY, cfg.map("system_info").get("locale"));
        String method = text(m, "method", null);
        if (method == null || !METHODS.contains(method)) {
            throw new ConfigException(KEY + ".method", "must be one of " + METHODS.stream().sorted().toList()
                    + ", not '" + method + "'");
        }
        String file = text(m, "configfile", null);
        if (file == null || !file.startsWith("/")) {
            throw new ConfigException(KEY + ".configfile", "must be an absolute path, not '" + file + "'");
        }
        List<String> noRegen = Values.asList(KEY + ".no_regen", m.get("no_regen")).stream()
                .map(v -> Values.asString(KEY + ".no_regen", v)).toList();
        return new LocaleFacts(text(m, "default", "en_US.UTF-8"), method, file, text(m, "key", "LANG"),
                text(m, "gen_file", null), noRegen);
    }

    private static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : Values.asString(KEY + "." + key, v);
    }
}
