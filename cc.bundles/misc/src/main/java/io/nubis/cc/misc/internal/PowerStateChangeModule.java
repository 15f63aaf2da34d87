package io.nubis.cc.misc.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code power_state_change}: powers off, reboots or halts once the agent has finished, as the
 * reference's {@code cc_power_state_change}. The reference forks a child that waits for the
 * agent's pid to end; here a detached shell started through the runner does the same: it waits
 * (at most {@code timeout} seconds, default 30) for the agent's process to exit, checks a command
 * {@code condition} (exit 0 = go, anything else = do nothing), then execs the init system's power
 * command ({@code distro().initSystem().powerState(mode, delay, message)}). The shell ignores
 * SIGHUP and has no open pipes to the agent, so the runner returns at once and the service
 * manager must not kill the agent's remaining processes when the stage ends (the reference's
 * cloud-final.service uses {@code KillMode=process} for this). A boolean condition is decided
 * now. With a target root other than {@code /} (image builds) nothing is scheduled: the power
 * command would act on the build host.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = PowerStateChangeModule.NAME, stage = "final", frequency = Frequency.PER_INSTANCE_ID,
        keys = {"power_state"}, schema = "schema/power_state_change.json")
public final class PowerStateChangeModule implements ConfigModule {
    static final String NAME = "power_state_change";
    static final Set<String> MODES = Set.of("poweroff", "reboot", "halt");
    static final long MAX_TIMEOUT = 24 * 3600;

    private final boolean realRootOnly;
    private final long pid;

    /** For the agent: acts only on the real root, waits for this process. */
    @Activate
    public PowerStateChangeModule() {
        this(true, ProcessHandle.current().pid());
    }

    /** @param realRootOnly skip when the target is not {@code /}; @param pid the process to wait for */
    PowerStateChangeModule(boolean realRootOnly, long pid) {
        this.realRootOnly = realRootOnly;
        this.pid = pid;
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        if (!ctx.config().has("power_state")) {
            ctx.log().debug("no power_state provided. doing nothing");
            return;
        }
        Map<String, Object> ps = ctx.config().map("power_state");
        Object modeValue = ps.get("mode");
        String mode = modeValue == null ? null : Values.asString("power_state.mode", modeValue);
        if (mode == null || !MODES.contains(mode)) {
            throw new ConfigException("power_state.mode", "required, must be one of halt, poweroff, reboot; found '"
                    + (mode == null ? "" : Printable.of(mode)) + "'");
        }
        String delay = ps.get("delay") == null ? "now" : Values.asString("power_state.delay", ps.get("delay"));
        String message = ps.get("message") == null ? null : Values.asString("power_state.message", ps.get("message"));
        long timeout = 30;
        if (ps.get("timeout") != null) {
            Object t = ps.get("timeout");
            double seconds;
            try {
                seconds = t instanceof Number n ? n.doubleValue() : Double.parseDouble(Values.asString("power_state.timeout", t));
            } catch (NumberFormatException e) {
                throw new ConfigException("power_state.timeout", "failed to convert '" + Printable.of(String.valueOf(t)) + "' to a number");
            }
            if (!(seconds >= 0) || seconds > MAX_TIMEOUT) {
                throw new ConfigException("power_state.timeout", "must be between 0 and " + MAX_TIMEOUT + " seconds");
            }
            timeout = (long) Math.ceil(seconds);
        }
        Command power;
        try {
            power = ctx.distro().initSystem().powerState(mode, delay, message);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("power_state.delay", e.getMessage());
        }
        String condition = condition(ps.get("condition"));
        if (condition == null) {
            ctx.log().debug("Condition was false. Will not perform state change.");
            return;
        }
        if (realRootOnly && !ctx.target().root().equals(Path.of("/"))) {
            ctx.log().warn("power_state: target root is {}, not /: not changing the power state of this host",
                    ctx.target().root());
            return;
        }
        String script = script(pid, timeout, condition, power.argv());
        ctx.log().debug("After pid {} ends, will execute: {}", pid, power.display());
        try {
            ctx.runner().run(Command.of("sh", "-c", script));
        } catch (CommandException e) {
            throw new ModuleException("power_state: cannot schedule the power state change: " + e.getMessage(), e);
        }
    }

    /** The shell test for the condition: {@code true}, a command line, or null for a false condition. */
    static String condition(Object c) {
        if (c == null) {
            return "true";
        }
        if (c instanceof Boolean b) {
            return b ? "true" : null;
        }
        if (c instanceof String s) {
            return "sh -c " + ShellQuote.quote(s);
        }
        if (c instanceof List<?> l) {
            if (l.isEmpty()) {
                throw new ConfigException("power_state.condition", "an empty command");
            }
            List<String> words = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                words.add(ShellQuote.quote(Values.asString("power_state.condition[" + i + "]", l.get(i))));
            }
            return String.join(" ", words);
        }
        throw new ConfigException("power_state.condition", "must be a boolean, a string or a list, not "
                + Values.typeName(c));
    }

    /** A script that detaches a waiter: wait for the pid (bounded), check the condition, exec the power command. */
    static String script(long pid, long timeout, String condition, List<String> power) {
        List<String> cmd = new ArrayList<>();
        power.forEach(w -> cmd.add(ShellQuote.quote(w)));
        return "(\n"
                + "  trap '' HUP\n"
                + "  n=0\n"
                + "  while [ \"$n\" -lt " + timeout + " ] && kill -0 " + pid + " 2>/dev/null; do sleep 1; n=$((n+1)); done\n"
                + "  " + condition + " || exit 0\n"
                + "  exec " + String.join(" ", cmd) + "\n"
                + ") </dev/null >/dev/null 2>&1 &\n";
    }
}
