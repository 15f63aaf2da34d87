package io.nubis.distro.ubuntu.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Requirement;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Attributes;
import io.nubis.api.capability.Namespaces;
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
@Component(property = {
        Namespaces.DISTRO + "=" + UbuntuProfile.NAME,
        Attributes.FAMILY + "=" + UbuntuProfile.FAMILY,
        Attributes.VARIANT + "=" + UbuntuProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + UbuntuProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + UbuntuProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + UbuntuProfile.DEVICES,
        Namespaces.PACKAGES + "=" + UbuntuProfile.PACKAGES,
        Namespaces.USERS + "=" + UbuntuProfile.USERS,
        Namespaces.LAYOUT + "=" + UbuntuProfile.LAYOUT})
public class UbuntuProfile implements DistroProfile {
    static final String NAME = "ubuntu";
    static final String FAMILY = "debian";
    static final String VARIANT = "ubuntu";
    static final String DEFAULTS = "defaults.cfg";
    static final String INIT_SYSTEM = "systemd";
    static final String PRIVILEGE = "sudo";
    static final String DEVICES = "udev";
    static final String PACKAGES = "apt";
    static final String USERS = "shadow";
    static final String LAYOUT = "linux-fhs";

    private static final Map<String, String> SERVICES = Map.of("ssh", "ssh", "cron", "cron", "chrony", "chrony", "ntp", "ntp", "timesyncd", "systemd-timesyncd", "rsyslog", "rsyslog");

    private volatile String defaults;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public String variant() {
        return VARIANT;
    }

    @Override
    public String defaultConfig() {
        String d = defaults;
        if (d == null) {
            synchronized (this) {
                d = defaults;
                if (d == null) {
                    d = readDefaults();
                    defaults = d;
                }
            }
        }
        return d;
    }

    @Override
    public Map<String, String> serviceNames() {
        return SERVICES;
    }

    private static String readDefaults() {
        String where = "bundle resource io/nubis/distro/ubuntu/internal/" + DEFAULTS;
        try (InputStream in = UbuntuProfile.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(where + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }
}
