package io.nubis.distro.suse.internal;

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
@Component(property = {
        Namespaces.DISTRO + "=" + SuseProfile.NAME,
        Attributes.FAMILY + "=" + SuseProfile.FAMILY,
        Attributes.VARIANT + "=" + SuseProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + SuseProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + SuseProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + SuseProfile.DEVICES,
        Namespaces.PACKAGES + "=" + SuseProfile.PACKAGES,
        Namespaces.USERS + "=" + SuseProfile.USERS,
        Namespaces.LAYOUT + "=" + SuseProfile.LAYOUT})
public class SuseProfile implements DistroProfile {
    static final String NAME = "suse";
    static final String FAMILY = "suse";
    static final String VARIANT = "suse";
    static final String DEFAULTS = "defaults.cfg";
    static final String INIT_SYSTEM = "systemd";
    static final String PRIVILEGE = "sudo";
    static final String DEVICES = "udev";
    static final String PACKAGES = "zypper";
    static final String USERS = "shadow";
    static final String LAYOUT = "linux-fhs";

    private static final Map<String, String> SERVICES = Map.of("ssh", "sshd", "cron", "cron", "chrony", "chronyd", "ntp", "ntpd", "timesyncd", "systemd-timesyncd", "rsyslog", "rsyslog");

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
        String where = "bundle resource io/nubis/distro/suse/internal/" + DEFAULTS;
        try (InputStream in = SuseProfile.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(where + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }
}
