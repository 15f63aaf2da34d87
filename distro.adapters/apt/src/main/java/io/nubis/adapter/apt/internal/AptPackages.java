package io.nubis.adapter.apt.internal;

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
 * apt-get with the reference's options (keep changed config files, no fsync, assume yes,
 * quiet) and {@code DEBIAN_FRONTEND=noninteractive}; pins are {@code name=version}; upgrade is
 * {@code dist-upgrade}, the reference's default {@code apt_get_upgrade_subcommand}.
 */
@Capability(namespace = Namespaces.PACKAGES, name = AptPackages.NAME)
@Component(property = Namespaces.PACKAGES + "=" + AptPackages.NAME)
public class AptPackages implements PackageManager {
    static final String NAME = "apt";
    static final List<String> APT_GET = List.of("apt-get", "--option=Dpkg::Options::=--force-confold",
            "--option=Dpkg::options::=--force-unsafe-io", "--assume-yes", "--quiet");
    /** Installs and upgrades may download and unpack for a long time. */
    static final Duration LONG = Duration.ofHours(1);

    @Override
    public Command update() {
        return aptGet(List.of("update"));
    }

    @Override
    public Command upgrade() {
        return aptGet(List.of("dist-upgrade")).withTimeout(LONG);
    }

    @Override
    public Command install(List<PackageSpec> packages) {
        List<String> args = new ArrayList<>(List.of("install"));
        args.addAll(PackageSpec.arguments(packages, "="));
        return aptGet(args).withTimeout(LONG);
    }

    /** Debian's update-notifier and unattended-upgrades convention. */
    @Override
    public boolean rebootRequired(TargetRoot target) {
        return target.exists("/var/run/reboot-required");
    }

    private static Command aptGet(List<String> args) {
        List<String> argv = new ArrayList<>(APT_GET);
        argv.addAll(args);
        return Command.of(argv).withEnv("DEBIAN_FRONTEND", "noninteractive");
    }
}
