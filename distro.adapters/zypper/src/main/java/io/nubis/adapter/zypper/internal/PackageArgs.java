package io.nubis.adapter.zypper.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.nubis.api.distro.PackageSpec;

/** Package arguments: checked so none can be read as an option, pinned in the tool's syntax. */
final class PackageArgs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+.:@/~-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+.:~,-]*");

    private PackageArgs() {
    }

    /** One argument per package: {@code name}, or {@code name + separator + version} when pinned. */
    static List<String> pinned(List<PackageSpec> packages, String separator) {
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
