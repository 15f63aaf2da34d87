package io.nubis.api.distro;

import java.util.List;

import io.nubis.api.exec.Command;
import io.nubis.api.target.TargetRoot;

/** One package manager (apt, zypper, apk, pkg). */
public interface PackageManager {
    /** Refreshes the package index. */
    Command update();

    /** Upgrades every installed package, non-interactively. */
    Command upgrade();

    /** Installs packages non-interactively, with version pins in the tool's syntax. */
    Command install(List<PackageSpec> packages);

    /** Whether an upgrade left a marker saying a reboot is required. */
    boolean rebootRequired(TargetRoot target);
}
