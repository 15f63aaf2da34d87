package io.nubis.distro.ubuntu.internal;

import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.BaseDistroProfile;
import io.nubis.api.distro.DistroProfile;

/**
 * The Ubuntu profile. Its requirements make the resolver pull exactly the systemd, sudo,
 * udev, apt, shadow, linux-fhs adapters. Built-in defaults are the bundle resource {@code
 * defaults.cfg}, read once, on first use.
 */
@Capability(namespace = Namespaces.DISTRO, name = UbuntuProfile.NAME,
        attribute = {Attributes.FAMILY + "=" + UbuntuProfile.FAMILY, Attributes.VARIANT + "=" + UbuntuProfile.VARIANT})
@Requirement(namespace = Namespaces.INIT_SYSTEM, name = UbuntuProfile.INIT_SYSTEM)
@Requirement(namespace = Namespaces.PRIVILEGE, name = UbuntuProfile.PRIVILEGE)
@Requirement(namespace = Namespaces.DEVICES, name = UbuntuProfile.DEVICES)
@Requirement(namespace = Namespaces.PACKAGES, name = UbuntuProfile.PACKAGES)
@Requirement(namespace = Namespaces.USERS, name = UbuntuProfile.USERS)
@Requirement(namespace = Namespaces.LAYOUT, name = UbuntuProfile.LAYOUT)
@Component(service = DistroProfile.class, property = {
        Namespaces.DISTRO + "=" + UbuntuProfile.NAME,
        Attributes.FAMILY + "=" + UbuntuProfile.FAMILY,
        Attributes.VARIANT + "=" + UbuntuProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + UbuntuProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + UbuntuProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + UbuntuProfile.DEVICES,
        Namespaces.PACKAGES + "=" + UbuntuProfile.PACKAGES,
        Namespaces.USERS + "=" + UbuntuProfile.USERS,
        Namespaces.LAYOUT + "=" + UbuntuProfile.LAYOUT})
public class UbuntuProfile extends BaseDistroProfile {
    static final String NAME = "ubuntu";
    static final String FAMILY = "debian";
    static final String VARIANT = "ubuntu";
    static final String INIT_SYSTEM = "systemd";
    static final String PRIVILEGE = "sudo";
    static final String DEVICES = "udev";
    static final String PACKAGES = "apt";
    static final String USERS = "shadow";
    static final String LAYOUT = "linux-fhs";

    /** Creates the profile; defaults are read on first use. */
    public UbuntuProfile() {
        super(NAME, FAMILY, VARIANT, Map.of("ssh", "ssh", "cron", "cron", "chrony", "chrony", "ntp", "ntp", "timesyncd", "systemd-timesyncd", "rsyslog", "rsyslog"));
    }
}
