package io.nubis.api.module;

/**
 * Names of the shared system resources a module declares in {@link NubisModule#touches()}: every
 * resource it reads or changes. Two modules conflict when they name the same resource. A module
 * that runs arbitrary commands, writes arbitrary paths or installs packages (whose maintainer
 * scripts may change anything) declares nothing. A vendor module may use other names.
 */
public final class Resources {
    /** Accounts and groups: passwd, group, shadow, sudoers, home directories and the authorized keys in them. */
    public static final String USERS = "users";
    /** SSH: host keys, the sshd configuration and its service. */
    public static final String SSH = "ssh";
    /** The host name: the hostname file or setting and the kernel's host name. */
    public static final String HOSTNAME = "hostname";
    /** {@code /etc/hosts}. */
    public static final String HOSTS = "hosts";
    /** The time zone: the zone name file and {@code /etc/localtime}. */
    public static final String TIMEZONE = "timezone";
    /** The system locale and its generated locales. */
    public static final String LOCALE = "locale";
    /** Package manager configuration (sources, keys, proxy, debconf) and index; not installing packages. */
    public static final String PACKAGES = "packages";
    /** Network configuration, such as the resolver file. */
    public static final String NETWORK = "network";
    /** The trusted CA certificate store. */
    public static final String CERTS = "certs";
    /** The instance's scripts directory, whose scripts the {@code scripts_*} modules run. */
    public static final String SCRIPTS = "scripts";
    /** The console and output log, for modules printing blocks of lines that must stay together. */
    public static final String CONSOLE = "console";

    private Resources() {
    }
}
