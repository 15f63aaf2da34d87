package io.nubis.distro.debian.internal;

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
@Component(property = {
        Namespaces.DISTRO + "=" + DebianProfile.NAME,
        Attributes.FAMILY + "=" + DebianProfile.FAMILY,
        Attributes.VARIANT + "=" + DebianProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + DebianProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + DebianProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + DebianProfile.DEVICES,
        Namespaces.PACKAGES + "=" + DebianProfile.PACKAGES,
        Namespaces.USERS + "=" + DebianProfile.USERS,
        Namespaces.LAYOUT + "=" + DebianProfile.LAYOUT})
public class DebianProfile implements DistroProfile {
    static final String NAME = "debian";
    static final String FAMILY = "debian";
    static final String VARIANT = "debian";
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
        String where = "bundle resource io/nubis/distro/debian/internal/" + DEFAULTS;
        try (InputStream in = DebianProfile.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(where + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }
}
