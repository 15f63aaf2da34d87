package io.nubis.distro.alpine.internal;

import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.BaseDistroProfile;
import io.nubis.api.distro.DistroProfile;

/**
 * The Alpine profile. Its requirements make the resolver pull exactly the openrc, doas,
 * mdev, apk, busybox, linux-fhs adapters. Without shadow installed, users are made with
 * busybox adduser. Built-in defaults are the bundle resource {@code defaults.cfg}, read
 * once, on first use.
 */
@Capability(namespace = Namespaces.DISTRO, name = AlpineProfile.NAME,
        attribute = {Attributes.FAMILY + "=" + AlpineProfile.FAMILY, Attributes.VARIANT + "=" + AlpineProfile.VARIANT})
@Requirement(namespace = Namespaces.INIT_SYSTEM, name = AlpineProfile.INIT_SYSTEM)
@Requirement(namespace = Namespaces.PRIVILEGE, name = AlpineProfile.PRIVILEGE)
@Requirement(namespace = Namespaces.DEVICES, name = AlpineProfile.DEVICES)
@Requirement(namespace = Namespaces.PACKAGES, name = AlpineProfile.PACKAGES)
@Requirement(namespace = Namespaces.USERS, name = AlpineProfile.USERS)
@Requirement(namespace = Namespaces.LAYOUT, name = AlpineProfile.LAYOUT)
@Component(service = DistroProfile.class, property = {
        Namespaces.DISTRO + "=" + AlpineProfile.NAME,
        Attributes.FAMILY + "=" + AlpineProfile.FAMILY,
        Attributes.VARIANT + "=" + AlpineProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + AlpineProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + AlpineProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + AlpineProfile.DEVICES,
        Namespaces.PACKAGES + "=" + AlpineProfile.PACKAGES,
        Namespaces.USERS + "=" + AlpineProfile.USERS,
        Namespaces.LAYOUT + "=" + AlpineProfile.LAYOUT})
public class AlpineProfile extends BaseDistroProfile {
    static final String NAME = "alpine";
    static final String FAMILY = "alpine";
    static final String VARIANT = "alpine";
    static final String INIT_SYSTEM = "openrc";
    static final String PRIVILEGE = "doas";
    static final String DEVICES = "mdev";
    static final String PACKAGES = "apk";
    static final String USERS = "busybox";
    static final String LAYOUT = "linux-fhs";

    /** Creates the profile; defaults are read on first use. */
    public AlpineProfile() {
        super(NAME, FAMILY, VARIANT, Map.of("ssh", "sshd", "cron", "crond", "chrony", "chronyd", "ntp", "ntpd", "rsyslog", "rsyslog"));
    }
}
