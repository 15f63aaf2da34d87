package io.nubis.example.vendor.internal;

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
 * The stock apt adapter's job, but pointed at the vendor's mirror and proxy. Same service name
 * ({@code nubis.packages=apt}) with {@code service.ranking=100}, so the runtime picks it over
 * the stock adapter (ranking 0) without any change to the stock bundles.
 */
@Capability(namespace = Namespaces.PACKAGES, name = "apt")
@Component(property = {Namespaces.PACKAGES + "=apt", "service.ranking:Integer=100"})
public final class MirroredApt implements PackageManager {
    static final String PROXY = "http://mirror.vendor.internal:3142";

    private static Command aptGet(String... args) {
        List<String> argv = new ArrayList<>(List.of("apt-get", "--option=Acquire::http::Proxy=" + PROXY,
                "--option=Dpkg::Options::=--force-confold", "--assume-yes", "--quiet"));
        argv.addAll(List.of(args));
        return Command.of(argv).withEnv("DEBIAN_FRONTEND", "noninteractive");
    }

    @Override
    public Command update() {
        return aptGet("update");
    }

    @Override
    public Command upgrade() {
        return aptGet("dist-upgrade");
    }

    @Override
    public Command install(List<PackageSpec> packages) {
        List<String> args = new ArrayList<>(List.of("install"));
        for (PackageSpec p : packages) {
            args.add(p.version() == null ? p.name() : p.name() + "=" + p.version());
        }
        return aptGet(args.toArray(new String[0]));
    }

    @Override
    public boolean rebootRequired(TargetRoot target) {
        return target.exists("/var/run/reboot-required");
    }
}
