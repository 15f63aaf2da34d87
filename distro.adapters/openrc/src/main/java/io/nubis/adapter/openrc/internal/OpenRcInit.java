package io.nubis.adapter.openrc.internal;

import java.util.Set;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.exec.Command;

/**
 * OpenRC: {@code rc-service --nocolor}, {@code rc-update --nocolor add|del X default}. Power
 * changes use busybox {@code halt|poweroff|reboot -d SECONDS}, as the reference's Alpine distro
 * does: those take the delay in seconds and no message, so the message is dropped.
 */
@Capability(namespace = Namespaces.INIT_SYSTEM, name = OpenRcInit.NAME)
@Component(property = Namespaces.INIT_SYSTEM + "=" + OpenRcInit.NAME)
public class OpenRcInit implements InitSystem {
    static final String NAME = "openrc";
    /** The runlevel services are enabled in. */
    static final String RUNLEVEL = "default";

    private static final Set<String> MODES = Set.of("poweroff", "reboot", "halt");

    @Override
    public Command start(String service) {
        return rcService(service, "start");
    }

    @Override
    public Command stop(String service) {
        return rcService(service, "stop");
    }

    @Override
    public Command restart(String service) {
        return rcService(service, "restart");
    }

    /** A restart: many OpenRC scripts have no {@code reload} action (the reference does the same). */
    @Override
    public Command reload(String service) {
        return rcService(service, "restart");
    }

    @Override
    public Command enable(String service) {
        return Command.of("rc-update", "--nocolor", "add", ServiceName.check(service), RUNLEVEL);
    }

    @Override
    public Command disable(String service) {
        return Command.of("rc-update", "--nocolor", "del", ServiceName.check(service), RUNLEVEL);
    }

    @Override
    public Command isActive(String service) {
        return rcService(service, "status");
    }

    @Override
    public Command powerState(String mode, String delay, String message) {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("power_state mode must be poweroff, reboot or halt, not '" + mode + "'");
        }
        return Command.of(mode, "-d", seconds(delay));
    }

    private static String seconds(String delay) {
        return Long.toString(InitSystem.delayMinutes(delay) * 60L);
    }

    private static Command rcService(String service, String action) {
        return Command.of("rc-service", "--nocolor", ServiceName.check(service), action);
    }
}
