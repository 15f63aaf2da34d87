package io.nubis.distro.freebsd.internal;

import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.BaseDistroProfile;
import io.nubis.api.distro.DistroProfile;

/**
 * The FreeBSD profile. Its requirements make the resolver pull exactly the bsdrc, sudo,
 * devd, pkg, pw, freebsd adapters. FreeBSD has no sudo or doas in base; sudo from ports is
 * what the reference configures. Built-in defaults are the bundle resource {@code
 * defaults.cfg}, read once, on first use.
 */
@Capability(namespace = Namespaces.DISTRO, name = FreeBsdProfile.NAME,
        attribute = {Attributes.FAMILY + "=" + FreeBsdProfile.FAMILY, Attributes.VARIANT + "=" + FreeBsdProfile.VARIANT})
@Requirement(namespace = Namespaces.INIT_SYSTEM, name = FreeBsdProfile.INIT_SYSTEM)
@Requirement(namespace = Namespaces.PRIVILEGE, name = FreeBsdProfile.PRIVILEGE)
@Requirement(namespace = Namespaces.DEVICES, name = FreeBsdProfile.DEVICES)
@Requirement(namespace = Namespaces.PACKAGES, name = FreeBsdProfile.PACKAGES)
@Requirement(namespace = Namespaces.USERS, name = FreeBsdProfile.USERS)
@Requirement(namespace = Namespaces.LAYOUT, name = FreeBsdProfile.LAYOUT)
@Component(service = DistroProfile.class, property = {
        Namespaces.DISTRO + "=" + FreeBsdProfile.NAME,
        Attributes.FAMILY + "=" + FreeBsdProfile.FAMILY,
        Attributes.VARIANT + "=" + FreeBsdProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + FreeBsdProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + FreeBsdProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + FreeBsdProfile.DEVICES,
        Namespaces.PACKAGES + "=" + FreeBsdProfile.PACKAGES,
        Namespaces.USERS + "=" + FreeBsdProfile.USERS,
        Namespaces.LAYOUT + "=" + FreeBsdProfile.LAYOUT})
public class FreeBsdProfile extends BaseDistroProfile {
    static final String NAME = "freebsd";
    static final String FAMILY = "freebsd";
    static final String VARIANT = "freebsd";
    static final String INIT_SYSTEM = "bsdrc";
    static final String PRIVILEGE = "sudo";
    static final String DEVICES = "devd";
    static final String PACKAGES = "pkg";
    static final String USERS = "pw";
    static final String LAYOUT = "freebsd";

    /** Creates the profile; defaults are read on first use. */
    public FreeBsdProfile() {
        super(NAME, FAMILY, VARIANT, Map.of("ssh", "sshd", "cron", "cron", "chrony", "chronyd", "ntp", "ntpd", "rsyslog", "rsyslogd"));
    }
}
