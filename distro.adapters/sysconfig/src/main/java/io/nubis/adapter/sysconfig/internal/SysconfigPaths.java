package io.nubis.adapter.sysconfig.internal;

import java.util.Map;

/**
 * Where the renderer writes, from {@code system_info.network.renderer_configs.sysconfig} over
 * the reference's openSUSE defaults: {@code sysconf_dir}, {@code iface_templates},
 * {@code route_templates} ({@code ipv4}, {@code ipv6}), {@code netrules_path},
 * {@code dns_path} and {@code networkmanager_conf_path}. Templates use the reference's
 * {@code %(base)s} and {@code %(name)s}; paths may be given without the leading slash, as the
 * reference's are. A file option set to null or empty turns that file off, as in the reference.
 *
 * @param sysconfDir  the sysconfig directory ({@code /etc/sysconfig})
 * @param ifaceTpl    the ifcfg file template
 * @param route4Tpl   the IPv4 route file template
 * @param route6Tpl   the IPv6 route file template
 * @param netrules    the udev rules file, or null
 * @param dns         the resolv.conf file, or null
 * @param nmConf      the NetworkManager drop-in, or null
 */
record SysconfigPaths(String sysconfDir, String ifaceTpl, String route4Tpl, String route6Tpl, String netrules,
        String dns, String nmConf) {

    static final String IFACE_TPL = "%(base)s/network/ifcfg-%(name)s";
    static final String ROUTE_TPL = "%(base)s/network/ifroute-%(name)s";

    static SysconfigPaths of(Map<String, Object> options) {
        Object flavor = options.get("flavor");
        if (flavor != null && !"suse".equals(flavor)) {
            throw new IllegalArgumentException("sysconfig flavor '" + flavor + "' is not supported, only 'suse'");
        }
        Object routes = options.get("route_templates");
        Map<?, ?> routeTpls = routes instanceof Map<?, ?> m ? m : Map.of();
        return new SysconfigPaths(
                absolute(string(options, "sysconf_dir", "etc/sysconfig")),
                string(options, "iface_templates", IFACE_TPL),
                routeTpls.get("ipv4") instanceof String s ? s : ROUTE_TPL,
                routeTpls.get("ipv6") instanceof String s ? s : ROUTE_TPL,
                file(options, "netrules_path", "etc/udev/rules.d/85-persistent-net-cloud-init.rules"),
                file(options, "dns_path", "etc/resolv.conf"),
                file(options, "networkmanager_conf_path", "etc/NetworkManager/conf.d/99-cloud-init.conf"));
    }

    String ifcfg(String iface) {
        return expand(ifaceTpl, iface);
    }

    String route4(String iface) {
        return expand(route4Tpl, iface);
    }

    String route6(String iface) {
        return expand(route6Tpl, iface);
    }

    /** A template for one interface, as a target path. */
    String expand(String template, String iface) {
        return absolute(template.replace("%(base)s", sysconfDir).replace("%(name)s", iface));
    }

    private static String string(Map<String, Object> options, String key, String dflt) {
        return options.get(key) instanceof String s && !s.isEmpty() ? s : dflt;
    }

    private static String file(Map<String, Object> options, String key, String dflt) {
        if (!options.containsKey(key)) {
            return absolute(dflt);
        }
        Object v = options.get(key);
        return v instanceof String s && !s.isEmpty() ? absolute(s) : null;
    }

    private static String absolute(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return "/" + p;
    }
}
