package io.nubis.cc.ntp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;

/**
 * The chosen NTP client: the distro's definition from {@code system_info.ntp_clients} with
 * cloud-config's {@code ntp.config} merged over it, checked.
 *
 * @param name            client name ({@code chrony})
 * @param checkExe        program whose presence means the client is installed
 * @param confpath        configuration file written
 * @param packages        packages installed when {@code checkExe} is missing
 * @param serviceName     distro service name, or null to map {@code service} through the profile
 * @param service         logical service name ({@code chrony}, {@code timesyncd})
 * @param template        template text from cloud-config, or null
 * @param templateName    name looked up as {@code <templates_dir>/<name>.tmpl}, or null
 * @param builtinTemplate the bundle's template for this client, or null
 * @param templateParams  distro paths and switches handed to the template
 */
record NtpClient(String name, String checkExe, String confpath, List<String> packages, String serviceName,
        String service, String template, String templateName, String builtinTemplate,
        Map<String, Object> templateParams) {

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._:~-]*");
    private static final Pattern PROGRAM = Pattern.compile("[A-Za-z0-9_./+-]+");

    static NtpClient of(String name, Map<String, Object> def, Map<String, Object> user) {
        Map<String, Object> m = new LinkedHashMap<>(def);
        m.putAll(user);
        String where = "ntp.config";
        List<String> missing = new ArrayList<>();
        for (String k : List.of("check_exe", "confpath")) {
            if (m.get(k) == null) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("ntp.ntp_client", "no definition of client '" + name
                    + "' for this distro and ntp.config lacks " + String.join(", ", missing));
        }
        String checkExe = Values.asString(where + ".check_exe", m.get("check_exe"));
        if (!PROGRAM.matcher(checkExe).matches() || checkExe.startsWith("-")) {
            throw new ConfigException(where + ".check_exe", "invalid program name '" + checkExe + "'");
        }
        String confpath = Values.asString(where + ".confpath", m.get("confpath"));
        if (!confpath.startsWith("/") || confpath.endsWith("/")) {
            throw new ConfigException(where + ".confpath", "must be an absolute file path, not '" + confpath + "'");
        }
        List<String> packages = new ArrayList<>();
        List<Object> raw = Values.asList(where + ".packages", m.get("packages"));
        for (int i = 0; i < raw.size(); i++) {
            String p = Values.asString(where + ".packages[" + i + "]", raw.get(i));
            if (!PACKAGE.matcher(p).matches()) {
                throw new ConfigException(where + ".packages[" + i + "]", "invalid package name '" + p + "'");
            }
            packages.add(p);
        }
        String serviceName = opt(m, "service_name", where);
        String service = opt(m, "service", where);
        String template = opt(m, "template", where);
        String templateName = opt(m, "template_name", where);
        String builtin = opt(m, "builtin_template", where);
        if (template == null && templateName == null && builtin == null) {
            throw new ConfigException(where + ".template", "client '" + name + "' has no template: give ntp.config.template");
        }
        Map<String, Object> params = new LinkedHashMap<>(Values.asMap("system_info.ntp_clients." + name + ".template_params",
                m.get("template_params")));
        return new NtpClient(name, checkExe, confpath, List.copyOf(packages), serviceName,
                service == null ? name : service, template, templateName, builtin, params);
    }

    private static String opt(Map<String, Object> m, String key, String where) {
        Object v = m.get(key);
        return v == null ? null : Values.asString(where + "." + key, v);
    }
}
