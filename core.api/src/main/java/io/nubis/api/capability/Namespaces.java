package io.nubis.api.capability;

/**
 * Generic capability namespaces. Each plug-in bundle provides a capability in one of them, and
 * the plug-in's DS service repeats the namespace as a service property whose value is the
 * plug-in's name (for example {@code nubis.module=runcmd}), so that the runtime can select
 * plug-ins from service properties without loading their classes.
 */
public final class Namespaces {
    /** Distro profiles; value is the distro name ({@code debian}, {@code alpine}...). */
    public static final String DISTRO = "nubis.distro";
    /** Init-system adapters: {@code systemd}, {@code openrc}, {@code bsdrc}. */
    public static final String INIT_SYSTEM = "nubis.initsystem";
    /** Privilege-rule adapters: {@code sudo}, {@code doas}. */
    public static final String PRIVILEGE = "nubis.privilege";
    /** Device-manager adapters: {@code udev}, {@code mdev}, {@code devd}. */
    public static final String DEVICES = "nubis.devices";
    /** Package-manager adapters: {@code apt}, {@code zypper}, {@code apk}, {@code pkg}. */
    public static final String PACKAGES = "nubis.packages";
    /** User and group tool adapters: {@code shadow}, {@code busybox}, {@code pw}. */
    public static final String USERS = "nubis.users";
    /** Filesystem layouts: {@code linux-fhs}, {@code freebsd}. */
    public static final String LAYOUT = "nubis.layout";
    /** Datasources; value is the datasource name as in {@code datasource_list} ({@code NoCloud}). */
    public static final String DATASOURCE = "nubis.datasource";
    /** Config modules; value is the module name without the {@code cc_} prefix ({@code runcmd}). */
    public static final String MODULE = "nubis.module";
    /**
     * Network renderers: {@code eni}, {@code netplan}, {@code networkd}, {@code sysconfig},
     * {@code network-manager}, {@code freebsd}. Unlike the other adapters a distro may name
     * several, in order of preference ({@code system_info.network.renderers}).
     */
    public static final String NET_RENDERER = "nubis.netrenderer";
    /** The network-config reader ({@code io.nubis.api.net.NetworkConfigReader}); value {@code default}. */
    public static final String NET_READER = "nubis.netreader";

    /** All adapter namespaces, in the order a distro profile names them. */
    public static final java.util.List<String> ADAPTERS =
            java.util.List.of(INIT_SYSTEM, PRIVILEGE, DEVICES, PACKAGES, USERS, LAYOUT);

    private Namespaces() {
    }
}
