package io.nubis.runtime.internal.clean;

import java.util.Optional;

import io.nubis.api.exec.Command;

/** What {@code clean} needs from the distro wiring; replaced in tests. */
public interface CleanEnvironment {
    /** The distro's init system ({@code systemd}, {@code openrc}, {@code bsdrc}), if known. */
    Optional<String> initSystem();

    /**
     * The init system's command that reboots now.
     *
     * @throws IllegalStateException if the assembly has no init system adapter; the message says so
     */
    Command rebootCommand();
}
