package io.nubis.api.distro;

/**
 * A package to install, optionally pinned.
 *
 * @param name    package name
 * @param version version pin, or null for any
 */
public record PackageSpec(String name, String version) {
    /** An unpinned package. */
    public static PackageSpec of(String name) {
        return new PackageSpec(name, null);
    }
}
