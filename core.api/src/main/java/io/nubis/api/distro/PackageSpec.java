package io.nubis.api.distro;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A package to install, optionally pinned.
 *
 * @param name    package name
 * @param version version pin, or null for any
 */
public record PackageSpec(String name, String version) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+.:@/~-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+.:~,-]*");

    /** An unpinned package. */
    public static PackageSpec of(String name) {
        return new PackageSpec(name, null);
    }

    /**
     * One package-manager argument per package: {@code name}, or {@code name + separator + version}
     * when pinned; names and versions are checked so that none can be read as an option.
     *
     * @param separator the tool's pin syntax ({@code =} for apt, apk and zypper, {@code -} for pkg)
     * @throws IllegalArgumentException for an empty list or an invalid name or version, naming it
     */
    public static List<String> arguments(List<PackageSpec> packages, String separator) {
        if (packages == null || packages.isEmpty()) {
            throw new IllegalArgumentException("no packages to install");
        }
        List<String> out = new ArrayList<>();
        for (PackageSpec p : packages) {
            if (p == null || p.name() == null || !NAME.matcher(p.name()).matches()) {
                throw new IllegalArgumentException("invalid package name '" + (p == null ? null : p.name()) + "'");
            }
            if (p.version() == null) {
                out.add(p.name());
            } else if (VERSION.matcher(p.version()).matches()) {
                out.add(p.name() + separator + p.version());
            } else {
                throw new IllegalArgumentException("invalid version '" + p.version() + "' for package '" + p.name() + "'");
            }
        }
        return out;
    }
}
