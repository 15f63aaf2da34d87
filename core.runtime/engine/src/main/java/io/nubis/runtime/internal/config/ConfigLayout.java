package io.nubis.runtime.internal.config;

/**
 * Where system config lives inside the target.
 *
 * @param configDir directory of {@code cloud.cfg} and {@code cloud.cfg.d}
 * @param runDir    run directory holding ds-identify's {@code cloud.cfg}
 */
public record ConfigLayout(String configDir, String runDir) {
    /** Linux: {@code /etc/cloud}, {@code /run/cloud-init}. */
    public static final ConfigLayout LINUX = new ConfigLayout("/etc/cloud", "/run/cloud-init");
    /** FreeBSD: {@code /usr/local/etc/cloud}, {@code /var/run/cloud-init}. */
    public static final ConfigLayout FREEBSD = new ConfigLayout("/usr/local/etc/cloud", "/var/run/cloud-init");

    /** Checks that both are absolute target paths. */
    public ConfigLayout {
        if (!configDir.startsWith("/") || !runDir.startsWith("/")) {
            throw new IllegalArgumentException("config and run directories must be absolute: " + configDir + ", " + runDir);
        }
        configDir = trim(configDir);
        runDir = trim(runDir);
    }

    private static String trim(String dir) {
        String d = dir;
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** The main config file. */
    public String cloudCfg() {
        return join(configDir, "cloud.cfg");
    }

    /** The default drop-in directory. */
    public String cloudCfgD() {
        return cloudCfg() + ".d";
    }

    /** The runtime config written by ds-identify. */
    public String runtimeCfg() {
        return join(runDir, "cloud.cfg");
    }

    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
