package io.nubis.distro.alpine.internal;

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
@Component(property = {
        Namespaces.DISTRO + "=" + AlpineProfile.NAME,
        Attributes.FAMILY + "=" + AlpineProfile.FAMILY,
        Attributes.VARIANT + "=" + AlpineProfile.VARIANT,
        Namespaces.INIT_SYSTEM + "=" + AlpineProfile.INIT_SYSTEM,
        Namespaces.PRIVILEGE + "=" + AlpineProfile.PRIVILEGE,
        Namespaces.DEVICES + "=" + AlpineProfile.DEVICES,
        Namespaces.PACKAGES + "=" + AlpineProfile.PACKAGES,
        Namespaces.USERS + "=" + AlpineProfile.USERS,
        Namespaces.LAYOUT + "=" + AlpineProfile.LAYOUT})
public class AlpineProfile implements DistroProfile {
    static final String NAME = "alpine";
    static final String FAMILY = "alpine";
    static final String VARIANT = "alpine";
    static final String DEFAULTS = "defaults.cfg";
    static final String INIT_SYSTEM = "openrc";
    static final String PRIVILEGE = "doas";
    static final String DEVICES = "mdev";
    static final String PACKAGES = "apk";
    static final String USERS = "busybox";
    static final String LAYOUT = "linux-fhs";

    private static final Map<String, String> SERVICES = Map.of("ssh", "sshd", "cron", "crond", "chrony", "chronyd", "ntp", "ntpd", "rsyslog", "rsyslog");

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
        String where = "bundle resource io/nubis/distro/alpine/internal/" + DEFAULTS;
        try (InputStream in = AlpineProfile.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(where + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }
}
