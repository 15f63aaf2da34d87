package io.nubis.adapter.systemd.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.exec.Command;

/**
 * systemd: services through {@code systemctl}, power changes through {@code shutdown -P|-r|-H}
 * with a delay in minutes, as the reference's base distro does.
 */
@Capability(namespace = Namespaces.INIT_SYSTEM, name = SystemdInit.NAME)
@Component(property = Namespaces.INIT_SYSTEM + "=" + SystemdInit.NAME)
public class SystemdInit implements InitSystem {
    static final String NAME = "systemd";

    private static final Map<String, String> SHUTDOWN_FLAGS = Map.of("poweroff", "-P", "reboot", "-r", "halt", "-H");

    @Override
    public Command start(String service) {
        return systemctl("start", service);
    }

    @Override
    public Command stop(String service) {
        return systemctl("stop", service);
    }

    @Override
    public Command restart(String service) {
        return systemctl("restart", service);
    }

    /** {@code reload-or-restart}, so services without a reload action still pick up their configuration. */
    @Override
    public Command reload(String service) {
        return systemctl("reload-or-restart", service);
    }

    @Override
    public Command enable(String service) {
        return systemctl("enable", service);
    }

    @Override
    public Command disable(String service) {
        return systemctl("disable", service);
    }

    @Override
    public Command isActive(String service) {
        return Command.of("systemctl", "is-active", "--quiet", ServiceName.check(service));
    }

    @Override
    public Command powerState(String mode, String delay, String message) {
        String flag = SHUTDOWN_FLAGS.get(mode);
        if (flag == null) {
            throw new IllegalArgumentException("power_state mode must be poweroff, reboot or halt, not '" + mode + "'");
        }
        List<String> argv = new ArrayList<>(List.of("shutdown", flag, shutdownTime(delay)));
        if (message != null && !message.isEmpty()) {
            argv.add(message);
        }
        return Command.of(argv);
    }

    private static Command systemctl(String verb, String service) {
        return Command.of("systemctl", verb, ServiceName.check(service));
    }

    /** shutdown(8)'s time: {@code now}, or {@code +N} minutes. */
    private static String shutdownTime(String delay) {
        int minutes = InitSystem.delayMinutes(delay);
        return "now".equals(delay) ? "now" : "+" + minutes;
    }
}
