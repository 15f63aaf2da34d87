package io.nubis.adapter.zypper.internal;

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
 * zypper, non-interactive: {@code refresh}, {@code update}, and {@code install
 * --auto-agree-with-licenses} as the reference does; pins are {@code name=version}, zypper's
 * capability syntax.
 */
@Capability(namespace = Namespaces.PACKAGES, name = ZypperPackages.NAME)
@Component(property = Namespaces.PACKAGES + "=" + ZypperPackages.NAME)
public class ZypperPackages implements PackageManager {
    static final String NAME = "zypper";
    static final Duration LONG = Duration.ofHours(1);

    @Override
    public Command update() {
        return zypper(List.of("refresh"));
    }

    @Override
    public Command upgrade() {
        return zypper(List.of("update")).withTimeout(LONG);
    }

    @Override
    public Command install(List<PackageSpec> packages) {
        List<String> args = new ArrayList<>(List.of("install", "--auto-agree-with-licenses"));
        args.addAll(PackageSpec.arguments(packages, "="));
        return zypper(args).withTimeout(LONG);
    }

    /** libzypp leaves {@code /run/reboot-needed} (older releases: {@code /var/run/reboot-needed}). */
    @Override
    public boolean rebootRequired(TargetRoot target) {
        return target.exists("/run/reboot-needed") || target.exists("/var/run/reboot-needed");
    }

    private static Command zypper(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("zypper", "--non-interactive"));
        argv.addAll(args);
        return Command.of(argv);
    }
}
