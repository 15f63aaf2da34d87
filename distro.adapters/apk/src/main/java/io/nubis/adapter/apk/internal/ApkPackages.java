package io.nubis.adapter.apk.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.api.target.TargetRoot;

/**
 * Alpine apk, quiet as in the reference: {@code update}, {@code upgrade --update-cache
 * --available}, {@code add}. Pins are {@code name=version}, apk's own syntax (the reference's
 * {@code name-version} is not understood by apk).
 */
@Capability(namespace = Namespaces.PACKAGES, name = ApkPackages.NAME)
@Component(property = Namespaces.PACKAGES + "=" + ApkPackages.NAME)
public class ApkPackages implements PackageManager {
    static final String NAME = "apk";
    static final Duration LONG = Duration.ofHours(1);

    @Override
    public Command update() {
        return apk(List.of("update"));
    }

    @Override
    public Command upgrade() {
        return apk(List.of("upgrade", "--update-cache", "--available")).withTimeout(LONG);
    }

    @Override
    public Command install(List<PackageSpec> packages) {
        List<String> args = new ArrayList<>(List.of("add"));
        args.addAll(PackageSpec.arguments(packages, "="));
        return apk(args).withTimeout(LONG);
    }

    /**
     * apk leaves no marker. An upgraded kernel package removes the running kernel's modules,
     * so a reboot is required when {@code /lib/modules} exists but has no directory for the
     * running release ({@code /proc/sys/kernel/osrelease}).
     */
    @Override
    public boolean rebootRequired(TargetRoot target) {
        try {
            Optional<String> release = target.readString("/proc/sys/kernel/osrelease").map(String::strip);
            return release.isPresent() && !release.get().isEmpty() && !release.get().contains("/")
                    && target.isDirectory("/lib/modules") && !target.isDirectory("/lib/modules/" + release.get());
        } catch (IOException e) {
            return false;
        }
    }

    private static Command apk(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("apk", "--quiet"));
        argv.addAll(args);
        return Command.of(argv);
    }
}
