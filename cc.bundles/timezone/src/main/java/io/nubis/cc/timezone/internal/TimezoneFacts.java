package io.nubis.cc.timezone.internal;

import java.util.Map;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/**
 * How the distro records its timezone, from {@code system_info.timezone} in the profile's
 * defaults.cfg: where zone files live, the file holding the zone name (none on systemd-only
 * distros), the localtime path, and how localtime is set: {@code link}, {@code copy}, or
 * {@code auto} (a symlink when localtime is absent or already a symlink, else a copy, as the
 * reference's Debian, Alpine and FreeBSD classes do).
 *
 * @param zoneinfoDir zone file directory ({@code /usr/share/zoneinfo})
 * @param nameFile    file that gets the zone name, or null
 * @param localtime   localtime path ({@code /etc/localtime})
 * @param method      {@code auto}, {@code link} or {@code copy}
 */
record TimezoneFacts(String zoneinfoDir, String nameFile, String localtime, String method) {
    static final String KEY = "system_info.timezone";

    static TimezoneFacts from(CloudConfig cfg) {
        Map<String, Object> sys = cfg.map("system_info");
        Map<String, Object> tz = Values.asMap(KEY, sys.get("timezone"));
        String dir = text(tz, "zoneinfo_dir", "/usr/share/zoneinfo");
        String file = tz.containsKey("file") ? optional(tz, "file") : "/etc/timezone";
        String localtime = text(tz, "localtime", "/etc/localtime");
        String method = text(tz, "method", "auto");
        if (!method.equals("auto") && !method.equals("link") && !method.equals("copy")) {
            throw new ConfigException(KEY + ".method", "must be auto, link or copy, not '" + method + "'");
        }
        for (String[] p : new String[][] {{"zoneinfo_dir", dir}, {"file", file}, {"localtime", localtime}}) {
            if (p[1] != null && !p[1].startsWith("/")) {
                throw new ConfigException(KEY + "." + p[0], "must be an absolute path, not '" + p[1] + "'");
            }
        }
        return new TimezoneFacts(stripSlash(dir), file, localtime, method);
    }

    private static String text(Map<String, Object> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : Values.asString(KEY + "." + key, v);
    }

    private static String optional(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || Boolean.FALSE.equals(v)) {
            return null;
        }
        String s = Values.asString(KEY + "." + key, v);
        return s.isEmpty() ? null : s;
    }

    private static String stripSlash(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }
}
