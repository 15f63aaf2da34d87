package io.nubis.adapter.pkg.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.api.target.TargetRoot;

/**
 * FreeBSD pkg with {@code ASSUME_ALWAYS_YES=yes} (which also bootstraps pkg on first use) and
 * {@code -y}; pins are {@code name-version}, pkg's package-name pattern.
 */
@Capability(namespace = Namespaces.PACKAGES, name = PkgPackages.NAME)
@Component(property = Namespaces.PACKAGES + "=" + PkgPackages.NAME)
public class PkgPackages implements PackageManager {
    static final String NAME = "pkg";
    static final Duration LONG = Duration.ofHours(1);

    @Override
    public Command update() {
        return pkg(List.of("update"));
    }

    @Override
    public Command upgrade() {
        return pkg(List.of("upgrade", "-y")).withTimeout(LONG);
    }

    @Override
    public Command install(List<PackageSpec> packages) {
        List<String> args = new ArrayList<>(List.of("install", "-y"));
        args.addAll(PackageSpec.arguments(packages, "-"));
        return pkg(args).withTimeout(LONG);
    }

    /**
     * Ports packages never replace the running kernel (the base system is updated by
     * freebsd-update), and pkg leaves no marker: an upgrade never asks for a reboot.
     */
    @Override
    public boolean rebootRequired(TargetRoot target) {
        return false;
    }

    private static Command pkg(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("pkg"));
        argv.addAll(args);
        return Command.of(argv).withEnv("ASSUME_ALWAYS_YES", "yes");
    }
}
