package io.nubis.distro.suse.internal;

import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.BaseDistroProfile;
import io.nubis.api.distro.DistroProfile;

/**
 * The SUSE profile. Its requirements make the resolver pull exactly the systemd, sudo,
 * udev, zypper, shadow, linux-fhs adapters. Built-in defaults are the bundle resource
 * {@code defaults.cfg}, read once, on first use.
 */
@Capability(namespace = Namespaces.DISTRO, name = SuseProfile.NAME,
        attribute = {Attributes.FAMILY + "=" + SuseProfile.FAMILY, Attributes.VARIANT + "=" + SuseProfile.VARIANT})
@Requirement(namespace = Namespaces.INIT_SYSTEM, name = SuseProfile.INIT_SYSTEM)
@Requirement(namespace = Namespaces.PRIVILEGE, name = SuseProfile.PRIVILEGE)
@Requirement(namespace = Namespaces.DEVICES, name = SuseProfile.DEVICES)
@Requirement(namespace = Namespaces.PACKAGES, name = SuseProfile.PACKAGES)
@Requirement(namespace = Namespaces.USERS, name = SuseProfile.USERS)
@Requirement(namespace = Namespaces.LAYOUT, name = SuseProfile.LAYOUT)
@Component(service = DistroProfile.class, property = {
        Namespaces.DISTRO + "=" + SuseProfile.NAME,
        Attributes.FAMILY + "=" + SuseProfile.FAMILY,
        Attributes.VARIANT + "=" + SuseProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + SuseProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + SuseProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + SuseProfile.DEVICES,
        Namespaces.PACKAGES + "=" + SuseProfile.PACKAGES,
        Namespaces.USERS + "=" + SuseProfile.USERS,
        Namespaces.LAYOUT + "=" + SuseProfile.LAYOUT})
public class SuseProfile extends BaseDistroProfile {
    static final String NAME = "suse";
    static final String FAMILY = "suse";
    static final String VARIANT = "suse";
    static final String INIT_SYSTEM = "systemd";
    static final String PRIVILEGE = "sudo";
    static final String DEVICES = "udev";
    static final String PACKAGES = "zypper";
    static final String USERS = "shadow";
    static final String LAYOUT = "linux-fhs";

    /** Creates the profile; defaults are read on first use. */
    public SuseProfile() {
        super(NAME, FAMILY, VARIANT, Map.of("ssh", "sshd", "cron", "cron", "chrony", "chronyd", "ntp", "ntpd", "timesyncd", "systemd-timesyncd", "rsyslog", "rsyslog"));
    }
}
