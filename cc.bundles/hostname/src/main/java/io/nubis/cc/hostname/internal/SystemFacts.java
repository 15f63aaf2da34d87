package io.nubis.cc.hostname.internal;

import java.util.Map;

import io.nubis.api.config.Values;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;

/**
 * The distro facts the hostname modules need, from the merged config's {@code system_info}
 * (the distro profile's defaults.cfg, overridable in cloud.cfg):
 * <ul>
 * <li>{@code hostname_conf.path} and {@code hostname_conf.format}: where the persistent hostname
 * lives and how: {@code plain} (a hostname file such as {@code /etc/hostname}), {@code rc.conf}
 * (the {@code hostname=} line of {@code /etc/rc.conf}) or {@code hostnamectl} (set through
 * {@code hostnamectl set-hostname}, read with {@code hostname});</li>
 * <li>{@code hostname_conf.prefer_fqdn}: write the FQDN instead of the short name (FreeBSD);</li>
 * <li>{@code hosts_template}: the {@code hosts.<name>.tmpl} used by {@code manage_etc_hosts: true};</li>
 * <li>{@code hosts_localhost_ip}: the address {@code manage_etc_hosts: localhost} maps the name to.</li>
 * </ul>
 *
 * @param hostnamePath    persistent hostname file
 * @param format          one of {@code plain}, {@code rc.conf}, {@code hostnamectl}
 * @param preferFqdn      distro default of {@code prefer_fqdn_over_hostname}
 * @param hostsTemplate   template name, or null
 * @param localhostIp     address for the localhost mode
 * @param cloudDir        {@code <cloud_dir>} without a trailing slash
 * @param templatesDir    where operators may override templates
 */
record SystemFacts(String hostnamePath, String format, boolean preferFqdn, String hostsTemplate, String localhostIp,
        String cloudDir, String templatesDir) {
    static final String PLAIN = "plain";
    static final String RC_CONF = "rc.conf";
    static final String HOSTNAMECTL = "hostnamectl";

    static SystemFacts of(ModuleContext ctx) throws ModuleException {
        Map<String, Object> si = Values.asMap("system_info", ctx.config().asMap().get("system_info"));
        Map<String, Object> hc = Values.asMap("system_info.hostname_conf", si.get("hostname_conf"));
        String path = hc.get("path") == null ? "/etc/hostname" : Values.asString("system_info.hostname_conf.path", hc.get("path"));
        String format = hc.get("format") == null ? PLAIN : Values.asString("system_info.hostname_conf.format", hc.get("format"));
        if (!format.equals(PLAIN) && !format.equals(RC_CONF) && !format.equals(HOSTNAMECTL)) {
            throw new ModuleException("system_info.hostname_conf.format: unknown format '" + format
                    + "' (expected plain, rc.conf or hostnamectl)");
        }
        if (!path.startsWith("/")) {
            throw new ModuleException("system_info.hostname_conf.path: '" + path + "' is not an absolute path");
        }
        boolean prefer = hc.get("prefer_fqdn") != null
                && Values.asBoolean("system_info.hostname_conf.prefer_fqdn", hc.get("prefer_fqdn"));
        String tmpl = si.get("hosts_template") == null ? null : Values.asString("system_info.hosts_template", si.get("hosts_template"));
        String ip = si.get("hosts_localhost_ip") == null ? "127.0.1.1"
                : Values.asString("system_info.hosts_localhost_ip", si.get("hosts_localhost_ip"));
        Map<String, Object> paths = Values.asMap("system_info.paths", si.get("paths"));
        String cloudDir = paths.get("cloud_dir") instanceof String c && c.startsWith("/") ? c : ctx.distro().layout().cloudDir();
        String templates = paths.get("templates_dir") instanceof String t && t.startsWith("/") ? t
                : ctx.distro().layout().configDir() + "/templates";
        return new SystemFacts(path, format, prefer, tmpl, ip, trim(cloudDir), trim(templates));
    }

    private static String trim(String dir) {
        String d = dir;
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** {@code <cloud_dir>/data/<name>}. */
    String dataFile(String name) {
        return cloudDir + "/data/" + name;
    }
}
