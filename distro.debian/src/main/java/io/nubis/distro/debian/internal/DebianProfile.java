package io.nubis.distro.debian.internal;

import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.BaseDistroProfile;
import io.nubis.api.distro.DistroProfile;

/**
 * The Debian profile. Its requirements make the resolver pull exactly the systemd, sudo,
 * udev, apt, shadow, linux-fhs adapters. Built-in defaults are the bundle resource {@code
 * defaults.cfg}, read once, on first use.
 */
@Capability(namespace = Namespaces.DISTRO, name = DebianProfile.NAME,
        attribute = {Attributes.FAMILY + "=" + DebianProfile.FAMILY, Attributes.VARIANT + "=" + DebianProfile.VARIANT})
@Requirement(namespace = Namespaces.INIT_SYSTEM, name = DebianProfile.INIT_SYSTEM)
@Requirement(namespace = Namespaces.PRIVILEGE, name = DebianProfile.PRIVILEGE)
@Requirement(namespace = Namespaces.DEVICES, name = DebianProfile.DEVICES)
@Requirement(namespace = Namespaces.PACKAGES, name = DebianProfile.PACKAGES)
@Requirement(namespace = Namespaces.USERS, name = DebianProfile.USERS)
@Requirement(namespace = Namespaces.LAYOUT, name = DebianProfile.LAYOUT)
@Component(service = DistroProfile.class, property = {
        Namespaces.DISTRO + "=" + DebianProfile.NAME,
        Attributes.FAMILY + "=" + DebianProfile.FAMILY,
        Attributes.VARIANT + "=" + DebianProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + DebianProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + DebianProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + DebianProfile.DEVICES,
        Namespaces.PACKAGES + "=" + DebianProfile.PACKAGES,
        Namespaces.USERS + "=" + DebianProfile.USERS,
        Namespaces.LAYOUT + "=" + DebianProfile.LAYOUT})
public class DebianProfile extends BaseDistroProfile {
    static final String NAME = "debian";
    static final String FAMILY = "debian";
    static final String VARIANT = "debian";
    static final String INIT_SYSTEM = "systemd";
    static final String PRIVILEGE = "sudo";
    static final String DEVICES = "udev";
    static final String PACKAGES = "apt";
    static final String USERS = "shadow";
    static final String LAYOUT = "linux-fhs";

    /** Creates the profile; defaults are read on first use. */
    public DebianProfile() {
        super(NAME, FAMILY, VARIANT, Map.of("ssh", "ssh", "cron", "cron", "chrony", "chrony", "ntp", "ntp", "timesyncd", "systemd-timesyncd", "rsyslog", "rsyslog"));
    }
}
