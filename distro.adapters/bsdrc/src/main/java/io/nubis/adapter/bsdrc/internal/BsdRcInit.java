package io.nubis.adapter.bsdrc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.capability.Namespaces;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.exec.Command;

/**
 * FreeBSD rc.d. Run-time actions use the {@code one*} forms of service(8), which act whether
 * or not the service is enabled in rc.conf; enabling writes {@code <name>_enable} with
 * sysrc(8). Power changes use {@code shutdown -p|-r|-h}.
 */
@Capability(namespace = Namespaces.INIT_SYSTEM, name = BsdRcInit.NAME)
@Component(property = Namespaces.INIT_SYSTEM + "=" + BsdRcInit.NAME)
public class BsdRcInit implements InitSystem {
    static final String NAME = "bsdrc";

    private static final Map<String, String> SHUTDOWN_FLAGS = Map.of("poweroff", "-p", "reboot", "-r", "halt", "-h");

    @Override
    public Command start(String service) {
        return service(service, "onestart");
    }

    @Override
    public Command stop(String service) {
        return service(service, "onestop");
    }

    @Override
    public Command restart(String service) {
        return service(service, "onerestart");
    }

    /** A restart, as the reference does: not every rc.d script has a {@code reload} command. */
    @Override
    public Command reload(String service) {
        return service(service, "onerestart");
    }

    @Override
    public Command enable(String service) {
        return Command.of("sysrc", rcvar(service) + "=YES");
    }

    @Override
    public Command disable(String service) {
        return Command.of("sysrc", rcvar(service) + "=NO");
    }

    @Override
    public Command isActive(String service) {
        return service(service, "onestatus");
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

    /** rc.conf variable that enables a service: its name with characters sh variables cannot hold replaced by {@code _}. */
    static String rcvar(String service) {
        return ServiceName.check(service).replaceAll("[^A-Za-z0-9_]", "_") + "_enable";
    }

    private static Command service(String service, String action) {
        return Command.of("service", ServiceName.check(service), action);
    }

    /** shutdown(8)'s time: {@code now}, or {@code +N} minutes. */
    private static String shutdownTime(String delay) {
        int minutes = InitSystem.delayMinutes(delay);
        return "now".equals(delay) ? "now" : "+" + minutes;
    }
}
