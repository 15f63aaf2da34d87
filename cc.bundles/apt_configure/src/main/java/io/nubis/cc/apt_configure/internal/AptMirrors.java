package io.nubis.cc.apt_configure.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;

import io.nubis.api.config.Values;

/**
 * Mirror selection as the reference's {@code find_apt_mirror_info}: for {@code primary} and
 * {@code security}, the entry whose {@code arches} hold the dpkg architecture (else the one with
 * {@code default}), then its {@code uri}, else the first {@code search} URL whose host resolves.
 * {@code search_dns} (guessing {@code <distro>-mirror.<domain>} names) is not done. Without a
 * configured primary, the defaults are the {@code failsafe} mirrors of
 * {@code system_info.package_mirrors}; a missing security mirror is the primary one.
 *
 * @param primary        chosen primary mirror, or null
 * @param security       chosen security mirror, or null
 * @param configured     true if {@code apt.primary} or {@code apt.security} chose a mirror
 * @param defaultPrimary the distro's failsafe primary mirror, or null
 * @param defaultSecurity the distro's failsafe security mirror, or null
 */
record AptMirrors(String primary, String security, boolean configured, String defaultPrimary, String defaultSecurity) {

    static AptMirrors find(Map<String, Object> apt, Map<String, Object> systemInfo, String arch,
            Predicate<String> resolves, Logger log) {
        String p = mirror(apt, "primary", arch, resolves, log);
        String s = mirror(apt, "security", arch, resolves, log);
        String[] failsafe = failsafe(systemInfo, arch);
        if (p != null) {
            return new AptMirrors(p, s != null ? s : p, true, failsafe[0], failsafe[1]);
        }
        if (s != null) {
            return new AptMirrors(failsafe[0], s, true, failsafe[0], failsafe[1]);
        }
        return new AptMirrors(failsafe[0], failsafe[1], false, failsafe[0], failsafe[1]);
    }

    private static String mirror(Map<String, Object> apt, String type, String arch, Predicate<String> resolves,
            Logger log) {
        List<Object> entries = Values.asList("apt." + type, apt.get(type));
        Map<String, Object> chosen = null;
        String chosenPath = null;
        for (int i = 0; i < entries.size(); i++) {
            String path = "apt." + type + "[" + i + "]";
            Map<String, Object> e = Values.asMap(path, entries.get(i));
            List<Object> arches = Values.asList(path + ".arches", e.get("arches"));
            if (arch != null && arches.contains(arch)) {
                chosen = e;
                chosenPath = path;
                break;
            }
            if (arches.contains("default")) {
                chosen = e;
                chosenPath = path;
            }
        }
        if (chosen == null) {
            return null;
        }
        if (chosen.get("uri") != null) {
            return url(chosenPath + ".uri", chosen.get("uri"));
        }
        List<Object> search = Values.asList(chosenPath + ".search", chosen.get("search"));
        for (int i = 0; i < search.size(); i++) {
            String candidate = url(chosenPath + ".search[" + i + "]", search.get(i));
            String host = URI.create(candidate).getHost();
            if (host != null && resolves.test(host)) {
                return candidate;
            }
            log.debug("apt {} mirror candidate {} does not resolve", type, candidate);
        }
        if (chosen.get("search_dns") != null && Values.asBoolean(chosenPath + ".search_dns", chosen.get("search_dns"))) {
            log.info("{}.search_dns is not supported by Nubis (no DNS guessing of mirror names); ignored", chosenPath);
        }
        return null;
    }

    /** The failsafe primary and security mirrors for the architecture, either may be null. */
    private static String[] failsafe(Map<String, Object> systemInfo, String arch) {
        List<Object> mirrors = Values.asList("system_info.package_mirrors", systemInfo.get("package_mirrors"));
        Map<String, Object> chosen = null;
        for (int i = 0; i < mirrors.size(); i++) {
            Map<String, Object> m = Values.asMap("system_info.package_mirrors[" + i + "]", mirrors.get(i));
            List<Object> arches = Values.asList("system_info.package_mirrors[" + i + "].arches", m.get("arches"));
            if (arch != null && arches.contains(arch)) {
                chosen = m;
                break;
            }
            if (arches.contains("default") && chosen == null) {
                chosen = m;
            }
        }
        if (chosen == null) {
            return new String[2];
        }
        Map<String, Object> fs = Values.asMap("system_info.package_mirrors.failsafe", chosen.get("failsafe"));
        return new String[] {
            fs.get("primary") == null ? null : Values.asString("system_info.package_mirrors.failsafe.primary", fs.get("primary")),
            fs.get("security") == null ? null : Values.asString("system_info.package_mirrors.failsafe.security", fs.get("security"))};
    }

    /** A mirror URL: one token, with a scheme. */
    static String url(String path, Object v) {
        String s = Values.asString(path, v).strip();
        if (s.isEmpty() || s.chars().anyMatch(c -> c <= ' ')) {
            throw new io.nubis.api.config.ConfigException(path, "not a mirror URL: '" + s + "'");
        }
        try {
            URI u = URI.create(s);
            if (u.getScheme() == null) {
                throw new io.nubis.api.config.ConfigException(path, "mirror URL has no scheme: '" + s + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new io.nubis.api.config.ConfigException(path, "not a mirror URL: '" + s + "'");
        }
        return s;
    }

    /** Host and path without scheme and trailing slashes, for comparing mirror URLs. */
    static String normalise(String url) {
        String s = url.strip();
        int i = s.indexOf("://");
        if (i >= 0) {
            s = s.substring(i + 3);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.toLowerCase(Locale.ROOT);
    }
}
