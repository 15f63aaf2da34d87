package io.nubis.api.distro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Base for distro profiles: identity and service names given to the constructor, built-in
 * defaults read once, on first use, from the resource {@code defaults.cfg} in the subclass's own
 * package (so they come from the profile's bundle). The subclass keeps only its declarations:
 * the {@code nubis.distro} capability, its adapter requirements and its DS service properties.
 */
public abstract class BaseDistroProfile implements DistroProfile {
    /** Name of the defaults resource beside the profile class. */
    public static final String DEFAULTS = "defaults.cfg";

    private final String name;
    private final String family;
    private final String variant;
    private final Map<String, String> serviceNames;
    private volatile String defaults;

    /**
     * @param name         distro name ({@code debian})
     * @param family       distro family
     * @param variant      variant as in {@code system_info.variant}
     * @param serviceNames logical service name to the distro's service name
     */
    protected BaseDistroProfile(String name, String family, String variant, Map<String, String> serviceNames) {
        this.name = name;
        this.family = family;
        this.variant = variant;
        this.serviceNames = Map.copyOf(serviceNames);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String family() {
        return family;
    }

    @Override
    public final String variant() {
        return variant;
    }

    @Override
    public final Map<String, String> serviceNames() {
        return serviceNames;
    }

    @Override
    public final String defaultConfig() {
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

    private String readDefaults() {
        String where = "bundle resource " + getClass().getPackageName().replace('.', '/') + "/" + DEFAULTS;
        try (InputStream in = getClass().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(where + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where, e);
        }
    }
}
