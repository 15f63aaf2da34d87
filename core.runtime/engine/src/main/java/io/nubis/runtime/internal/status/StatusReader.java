package io.nubis.runtime.internal.status;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.pyjson.JsonException;
import io.nubis.runtime.internal.pyjson.JsonReader;

/**
 * Works out {@link StatusDetails} as the reference's {@code cloud-init status} does:
 * <ul>
 * <li>boot status code from the init system, kernel command line, marker file, environment and
 * the generator's {@code enabled}/{@code disabled} markers, in the reference's order;</li>
 * <li>running when {@code status.json} exists without {@code result.json}, done when any stage
 * has a start or finish time, disabled when the boot code says so;</li>
 * <li>error when any stage has errors, degraded when there are only recoverable errors;</li>
 * <li>on systemd, a run that looks unfinished is reported as an error if a stage unit failed or
 * is not enabled.</li>
 * </ul>
 * Stage times are written as uptime seconds (the reference's format); {@code last_update} turns
 * them into wall-clock time using the boot time, where the reference prints them as if they were
 * epoch seconds (a 1970 date). Times of 10^9 or more are taken as epoch seconds already.
 */
public final class StatusReader {
    /** Stage units checked for failure, as the reference checks them. */
    public static final List<String> STAGE_UNITS = List.of("cloud-final.service", "cloud-config.service",
            "cloud-init-network.service", "cloud-init-local.service");
    /** Stage times at or above this are epoch seconds; below, uptime seconds. */
    static final double EPOCH_THRESHOLD = 1e9;
    static final String SYSTEMD_FAILURE = "Failed due to systemd unit failure. Ensure all cloud-init services are"
            + " enabled, and check 'systemctl' or 'journalctl' for more information.";

    private final TargetRoot target;
    private final ToolPaths paths;
    private final StatusEnvironment env;
    private final PrintStream err;

    /**
     * @param err where the reference's systemd warning goes
     */
    public StatusReader(TargetRoot target, ToolPaths paths, StatusEnvironment env, PrintStream err) {
        this.target = target;
        this.paths = paths;
        this.env = env;
        this.err = err;
    }

    /**
     * Reads the current status.
     *
     * @param wait retry systemctl queries until they answer (as {@code --wait} does)
     * @throws StatusException if status.json exists but cannot be read or is not the v1 format
     */
    public StatusDetails read(boolean wait) throws StatusException, InterruptedException {
        String statusFile = paths.run("status.json");
        String resultFile = paths.run("result.json");
        BootStatus boot = bootStatus(wait);
        Map<String, Object> v1 = new LinkedHashMap<>();
        boolean statusExists = target.exists(statusFile);
        if (statusExists) {
            v1 = readV1(statusFile);
        }
        String datasource = datasourceName(v1);
        String description = description(v1, boot);
        double latest = latestEvent(v1);
        List<String> errors = new ArrayList<>();
        Map<String, List<String>> recoverable = new LinkedHashMap<>();
        collectErrors(v1, errors, recoverable);
        Condition condition = !errors.isEmpty() ? Condition.ERROR
                : !recoverable.isEmpty() ? Condition.DEGRADED : Condition.HEALTHY;
        RunningStatus running;
        if (boot.disabled()) {
            running = RunningStatus.DISABLED;
        } else if (statusExists && !target.exists(resultFile)) {
            running = RunningStatus.RUNNING;
        } else if (latest > 0) {
            running = RunningStatus.DONE;
        } else {
            running = RunningStatus.NOT_STARTED;
        }
        if (running == RunningStatus.RUNNING && env.usesSystemd() && systemdFailed(wait)) {
            running = RunningStatus.DONE;
            condition = Condition.ERROR;
            description = "Failed due to systemd unit failure";
            errors.add(SYSTEMD_FAILURE);
        }
        v1.remove("datasource");
        String lastUpdate = latest > 0 ? RfcTime.format(latest < EPOCH_THRESHOLD ? env.bootEpoch() + latest : latest)
                : "";
        return new StatusDetails(running, condition, boot, description, errors, recoverable, lastUpdate, datasource,
                v1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readV1(String statusFile) throws StatusException {
        String text;
        try {
            text = new String(target.read(statusFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StatusException("Cannot read " + statusFile + ": " + reason(e));
        }
        Map<String, Object> doc;
        try {
            doc = JsonReader.parseObject(text, statusFile);
        } catch (JsonException e) {
            throw new StatusException("Invalid JSON in " + e.getMessage());
        }
        Object v1 = doc.getOrDefault("v1", Map.of());
        if (!(v1 instanceof Map)) {
            throw new StatusException(statusFile + ": 'v1' must be an object");
        }
        return new LinkedHashMap<>((Map<String, Object>) v1);
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    BootStatus bootStatus(boolean wait) throws InterruptedException {
        List<String> cmdline = Arrays.asList(env.kernelCmdline().trim().split("\\s+"));
        if (!env.usesSystemd()) {
            // The reference answers "enabled-by-sysvinit" here whatever the switches say; the
            // OpenRC and rc.d scripts honour the marker and the kernel parameter, so say so.
            if (target.exists(paths.disabledFile())) {
                return BootStatus.DISABLED_BY_MARKER_FILE;
            }
            if (cmdline.contains("cloud-init=disabled")) {
                return BootStatus.DISABLED_BY_KERNEL_CMDLINE;
            }
            return BootStatus.ENABLED_BY_SYSVINIT;
        }
        if (cmdline.contains("cloud-init=enabled")) {
            return BootStatus.ENABLED_BY_KERNEL_CMDLINE;
        }
        if (target.exists(paths.disabledFile())) {
            return BootStatus.DISABLED_BY_MARKER_FILE;
        }
        if (cmdline.contains("cloud-init=disabled")) {
            return BootStatus.DISABLED_BY_KERNEL_CMDLINE;
        }
        if (env.kernelCmdlineVariable().contains("cloud-init=disabled") || disabledInSystemdEnvironment(wait)) {
            return BootStatus.DISABLED_BY_ENV_VARIABLE;
        }
        if (target.exists(paths.run("disabled"))) {
            return BootStatus.DISABLED_BY_GENERATOR;
        }
        if (target.exists(paths.run("enabled"))) {
            return BootStatus.ENABLED_BY_GENERATOR;
        }
        return BootStatus.UNKNOWN;
    }

    /** The reason printed as {@code detail} when there is no datasource or stage to show. */
    String bootDescription(BootStatus boot) {
        return switch (boot) {
            case ENABLED_BY_SYSVINIT -> "Cloud-init enabled on sysvinit";
            case ENABLED_BY_KERNEL_CMDLINE -> "Cloud-init enabled by kernel command line cloud-init=enabled";
            case DISABLED_BY_MARKER_FILE -> "Cloud-init disabled by " + paths.disabledFile();
            case DISABLED_BY_KERNEL_CMDLINE -> "Cloud-init disabled by kernel parameter cloud-init=disabled";
            case DISABLED_BY_ENV_VARIABLE ->
                "Cloud-init disabled by environment variable KERNEL_CMDLINE=cloud-init=disabled";
            case DISABLED_BY_GENERATOR -> "Cloud-init disabled by cloud-init-generator";
            case ENABLED_BY_GENERATOR -> "Cloud-init enabled by systemd cloud-init-generator";
            case UNKNOWN -> "Systemd generator may not have run yet.";
        };
    }

    private boolean disabledInSystemdEnvironment(boolean wait) throws InterruptedException {
        String out = systemctl(List.of("show-environment"), wait);
        return out != null && out.contains("cloud-init=disabled");
    }

    /** Runs systemctl; with {@code wait} retries every 0.25 s until it answers, else null on failure. */
    private String systemctl(List<String> args, boolean wait) throws InterruptedException {
        while (true) {
            try {
                return env.systemctl(args);
            } catch (IOException e) {
                if (!wait) {
                    return null;
                }
                env.pause(250);
            }
        }
    }

    private boolean systemdFailed(boolean wait) throws InterruptedException {
        for (String unit : STAGE_UNITS) {
            String out;
            try {
                out = env.systemctl(List.of("show", "--property=ActiveState,UnitFileState,SubState,MainPID", unit));
            } catch (IOException e) {
                if (wait) {
                    out = systemctl(List.of("show", "--property=ActiveState,UnitFileState,SubState,MainPID", unit),
                            true);
                } else {
                    err.println("Failed to get status from systemd. Cloud-init status may be inaccurate. "
                            + "Error from systemctl: " + e.getMessage());
                    return false;
                }
            }
            Map<String, String> states = new TreeMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    states.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            String fileState = states.getOrDefault("UnitFileState", "");
            String active = states.getOrDefault("ActiveState", "");
            String sub = states.getOrDefault("SubState", "");
            if (!(fileState.startsWith("enabled") || fileState.equals("static"))) {
                return true;
            } else if (active.equals("active")) {
                if (sub.equals("exited")) {
                    continue;
                } else if (sub.equals("running") && "0".equals(states.get("MainPID"))) {
                    return false;
                }
            } else if (active.equals("failed") || sub.equals("failed")) {
                return true;
            }
            return false;
        }
        return false;
    }

    static String datasourceName(Map<String, Object> v1) {
        if (!v1.containsKey("datasource")) {
            return "";
        }
        Object ds = v1.get("datasource");
        if (ds == null) {
            return null;
        }
        String s = String.valueOf(ds);
        if (s.isEmpty()) {
            return s;
        }
        int sp = s.indexOf(' ');
        return (sp < 0 ? s : s.substring(0, sp)).toLowerCase(java.util.Locale.ROOT).replace("datasource", "");
    }

    private String description(Map<String, Object> v1, BootStatus boot) {
        Object ds = v1.get("datasource");
        if (ds != null && !String.valueOf(ds).isEmpty()) {
            return String.valueOf(ds);
        }
        Object stage = v1.get("stage");
        if (stage != null && !String.valueOf(stage).isEmpty()) {
            return "Running in stage: " + stage;
        }
        return bootDescription(boot);
    }

    static double latestEvent(Map<String, Object> v1) {
        double latest = 0;
        for (Object stage : v1.values()) {
            if (stage instanceof Map<?, ?> m) {
                latest = Math.max(latest, number(m.get("start")));
                latest = Math.max(latest, number(m.get("finished")));
            }
        }
        return latest;
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    private static void collectErrors(Map<String, Object> v1, List<String> errors,
            Map<String, List<String>> recoverable) {
        for (Map.Entry<String, Object> e : new TreeMap<>(v1).entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> stage)) {
                continue;
            }
            if (stage.get("errors") instanceof List<?> list) {
                for (Object o : list) {
                    errors.add(String.valueOf(o));
                }
            }
            if (stage.get("recoverable_errors") instanceof Map<?, ?> rec) {
                for (Map.Entry<?, ?> r : rec.entrySet()) {
                    List<String> msgs = recoverable.computeIfAbsent(String.valueOf(r.getKey()), k -> new ArrayList<>());
                    if (r.getValue() instanceof List<?> l) {
                        for (Object o : l) {
                            msgs.add(String.valueOf(o));
                        }
                    }
                }
            }
        }
    }
}
