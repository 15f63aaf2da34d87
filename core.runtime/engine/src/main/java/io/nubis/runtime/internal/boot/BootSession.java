package io.nubis.runtime.internal.boot;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nubis.api.distro.Distro;
import io.nubis.api.distro.DistroProfile;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.logging.LogLevel;
import io.nubis.api.logging.LogOutput;
import io.nubis.api.report.ReportingHandler;
import io.nubis.api.target.TargetRoot;
import io.nubis.runtime.internal.AgentVersion;
import io.nubis.runtime.internal.config.ConfigLayout;
import io.nubis.runtime.internal.config.Finding;
import io.nubis.runtime.internal.config.KernelCmdline;
import io.nubis.runtime.internal.config.SystemConfig;
import io.nubis.runtime.internal.config.SystemConfigLoader;
import io.nubis.runtime.internal.exec.ExecRunner;
import io.nubis.runtime.internal.exec.PlanRunner;
import io.nubis.runtime.internal.paths.CloudPaths;
import io.nubis.runtime.internal.plan.TrackingTarget;
import io.nubis.runtime.internal.report.EventHub;
import io.nubis.runtime.internal.state.RecoverableErrors;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.target.Privileges;

/**
 * Everything one process of the boot engine shares across stages: the target root (wrapped to
 * track changes), the command runner (recording in plan mode), the distro profile and adapters,
 * the kernel command line, the log file, the output log, the reporting handlers and the
 * collector of recoverable errors. Opened once per process, so {@code --all-stages} pays
 * start-up once.
 */
public final class BootSession implements AutoCloseable {
    /** Work done with an open session; returns an exit code. */
    @FunctionalInterface
    public interface Body {
        /** Runs the work. */
        int run(BootSession s) throws Exception;
    }

    /** System property replacing the kernel command line (tests, image builds). */
    public static final String CMDLINE_PROPERTY = "nubis.cmdline";
    /** The version printed where the reference prints its own ({@code Cloud-init v. 22.4}). */
    public static final String VERSION = AgentVersion.CLOUD_INIT_COMPAT;

    private static final Logger LOG = LoggerFactory.getLogger("main");

    private final BootOptions options;
    private final Plugins plugins;
    private final TrackingTarget target;
    private final CommandRunner runner;
    private final boolean planMode;
    private final Distro distro;
    private final FilesystemLayout layout;
    private final KernelCmdline cmdline;
    private final Clock clock;
    private final OutputLog output;
    private final EventHub hub;
    private final RecoverableErrors recoverable;
    private final PrintStream out;
    private final PrintStream err;

    private BootSession(BootOptions options, Plugins plugins, TrackingTarget target, CommandRunner runner,
            boolean planMode, Distro distro, KernelCmdline cmdline, Clock clock, PrintStream out,
            PrintStream err) {
        this.options = options;
        this.plugins = plugins;
        this.target = target;
        this.runner = runner;
        this.planMode = planMode;
        this.distro = distro;
        this.layout = distro.layout();
        this.cmdline = cmdline;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.output = new OutputLog(target, layout.outputLogFile(), err);
        this.hub = new EventHub(this::reportingHandler);
        this.recoverable = new RecoverableErrors().register();
    }

    /**
     * Opens a session: target, runner, distro wiring, log file.
     *
     * @throws IOException           if the root is not a directory or the log file cannot be opened
     * @throws IllegalStateException if the assembly has no usable distro profile or layout
     */
    public static BootSession open(BootOptions options, Plugins plugins, Clock clock, PrintStream out,
            PrintStream err) throws IOException {
        return open(options, plugins, clock, out, err, null);
    }

    /**
     * Opens a session with a given command runner (tests); null chooses as {@link #open} does.
     */
    public static BootSession open(BootOptions options, Plugins plugins, Clock clock, PrintStream out,
            PrintStream err, java.util.function.Function<TargetRoot, CommandRunner> runnerFactory) throws IOException {
        Path root = options.root().toAbsolutePath().normalize();
        boolean hostRoot = root.equals(Path.of("/"));
        boolean plan = options.plan() || (!hostRoot && !Privileges.isRoot());
        TrackingTarget target = new TrackingTarget(new ChrootTarget(root));
        CommandRunner runner = runnerFactory != null ? runnerFactory.apply(target)
                : plan ? new PlanRunner(target, true) : new ExecRunner(target);
        plan = plan || runner.planMode();
        LogOutput.consoleStream(err);
        LogOutput.consoleLevel(options.debug() ? LogLevel.DEBUG : LogLevel.WARNING);
        Distro distro = plugins.distro(OsRelease.read(target).id());
        plugins.prefetch();
        if (!plugins.hasLayout()) {
            throw new IllegalStateException("the distro profile from " + plugins.distroSource()
                    + " has no filesystem layout adapter in this assembly");
        }
        KernelCmdline cmdline = kernelCmdline(target);
        return new BootSession(options, plugins, target, runner, plan, distro, cmdline, clock, out, err);
    }

    /** Starts writing the log file ({@code /var/log/cloud-init.log} in the target, 0640). */
    public void startLogging() throws IOException {
        openLogFile(layout.logFile());
        LOG.debug("Target root {}{}", target.root(), planMode ? " (plan mode: commands are recorded, not run)" : "");
    }

    /**
     * Why the agent is disabled, if it is: the marker file {@code <config dir>/cloud-init.disabled},
     * {@code cloud-init=disabled} on the kernel command line, or in {@code $KERNEL_CMDLINE} (as the
     * reference's systemd conditions).
     */
    public Optional<String> disabledReason() {
        String marker = layout.configDir() + "/cloud-init.disabled";
        if (target.exists(marker)) {
            return Optional.of("disabled-by-marker-file (" + marker + ")");
        }
        if (cmdline.disablesCloudInit()) {
            return Optional.of("disabled-by-kernel-command-line (cloud-init=disabled)");
        }
        String env = System.getenv("KERNEL_CMDLINE");
        if (env != null && java.util.Arrays.asList(env.strip().split("\\s+")).contains("cloud-init=disabled")) {
            return Optional.of("disabled-by-environment-variable (KERNEL_CMDLINE)");
        }
        return Optional.empty();
    }

    /** Records that the agent is disabled this boot: {@code <run>/disabled}, no {@code <run>/enabled}; no log file. */
    public void markDisabled(String reason) {
        LogOutput.noFile();
        try {
            target.delete(layout.runDir() + "/enabled");
            target.writeString(layout.runDir() + "/disabled", reason + "\n", io.nubis.api.target.FileAttributes.PUBLIC);
        } catch (IOException e) {
            LOG.debug("Cannot write the disabled marker: {}", e.getMessage());
        }
    }

    /** The kernel command line: the system property if set, else the target's {@code /proc/cmdline}. */
    static KernelCmdline kernelCmdline(TargetRoot target) {
        String prop = System.getProperty(CMDLINE_PROPERTY);
        if (prop != null) {
            return KernelCmdline.parse(prop);
        }
        try {
            return target.readString("/proc/cmdline").map(s -> KernelCmdline.parse(s.replace('\0', ' ')))
                    .orElse(KernelCmdline.none());
        } catch (IOException e) {
            return KernelCmdline.none();
        }
    }

    private void openLogFile(String path) throws IOException {
        Path host = target.resolve(path);
        boolean existed = target.exists(path);
        LogOutput.logFile(host);
        target.note(path, existed);
    }

    /** Applies {@code def_log_file} and {@code syslog_fix_perms} from config to the log file. */
    void adjustLogFile(Map<String, Object> cfg) {
        Object def = cfg.get("def_log_file");
        String path = layout.logFile();
        if (def instanceof String s && s.startsWith("/") && !s.equals(path)) {
            try {
                openLogFile(s);
                path = s;
            } catch (IOException e) {
                LOG.warn("def_log_file: cannot open {}: {}", s, e.getMessage());
            }
        }
        if (planMode) {
            return;
        }
        List<String> owners = new java.util.ArrayList<>();
        Object perms = cfg.containsKey("syslog_fix_perms") ? cfg.get("syslog_fix_perms")
                : List.of("syslog:adm", "root:adm", "root:wheel", "root:root");
        if (perms instanceof String p) {
            owners.add(p);
        } else if (perms instanceof List<?> l) {
            l.forEach(o -> owners.add(String.valueOf(o)));
        }
        for (String o : owners) {
            String[] ug = o.split(":", 2);
            try {
                target.chown(path, ug[0].isEmpty() ? null : ug[0], ug.length > 1 && !ug[1].isEmpty() ? ug[1] : null);
                return;
            } catch (IOException e) {
                LOG.debug("Cannot chown {} to {}: {}", path, o, e.getMessage());
            }
        }
    }

    private Optional<ReportingHandler> reportingHandler(String type) {
        return plugins.reportingHandler(type);
    }

    /** Loads the system config: distro defaults, cloud.cfg, cloud.cfg.d, the runtime cfg and the kernel command line. */
    public SystemConfig loadSystemConfig() {
        DistroProfile profile = distro.profile();
        SystemConfig sc = new SystemConfigLoader(target, new ConfigLayout(layout.configDir(), layout.runDir()))
                .defaults("built-in defaults of " + plugins.distroSource(), profile.defaultConfig())
                .kernelCmdline(cmdline).load();
        for (Finding f : sc.findings()) {
            if (f.severity() == Finding.Severity.ERROR) {
                LOG.error("{}", f);
            } else {
                LOG.warn("{}", f);
            }
        }
        adjustLogFile(sc.config().asMap());
        return sc;
    }

    /** State and run directories: the layout's, unless {@code system_info.paths} names others. */
    public CloudPaths paths(Map<String, Object> cfg) {
        String cloudDir = layout.cloudDir();
        String runDir = layout.runDir();
        if (cfg.get("system_info") instanceof Map<?, ?> si && si.get("paths") instanceof Map<?, ?> p) {
            if (p.get("cloud_dir") instanceof String c && c.startsWith("/")) {
                cloudDir = c;
            }
            if (p.get("run_dir") instanceof String r && r.startsWith("/")) {
                runDir = r;
            }
        }
        return new CloudPaths(cloudDir, runDir);
    }

    /** {@code system_info.distro}, else the profile's name. */
    public String distroName(Map<String, Object> cfg) {
        if (cfg.get("system_info") instanceof Map<?, ?> si && si.get("distro") instanceof String d && !d.isBlank()) {
            return d;
        }
        return distro.profile().name();
    }

    /** The session's options. */
    public BootOptions options() {
        return options;
    }

    public Plugins plugins() {
        return plugins;
    }

    public TrackingTarget target() {
        return target;
    }

    public CommandRunner runner() {
        return runner;
    }

    /** True if commands are recorded instead of run. */
    public boolean planMode() {
        return planMode;
    }

    public Distro distro() {
        return distro;
    }

    public FilesystemLayout layout() {
        return layout;
    }

    public KernelCmdline cmdline() {
        return cmdline;
    }

    public Clock clock() {
        return clock;
    }

    public OutputLog output() {
        return output;
    }

    public EventHub hub() {
        return hub;
    }

    public RecoverableErrors recoverable() {
        return recoverable;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /**
     * User and vendor cloud-config this process merged for an instance, so that later stages of
     * an {@code --all-stages} run keep the part provenance; {@link ConfigAssembler.InstanceConfigs#NONE}
     * if this process did not consume that instance's data (the instance files are then read).
     */
    public synchronized ConfigAssembler.InstanceConfigs consumed(String instanceId) {
        return consumed.getOrDefault(instanceId, ConfigAssembler.InstanceConfigs.NONE);
    }

    /** Remembers what {@link #consumed} returns. */
    synchronized void consumed(String instanceId, ConfigAssembler.InstanceConfigs configs) {
        consumed.put(instanceId, configs);
    }

    private final Map<String, ConfigAssembler.InstanceConfigs> consumed = new java.util.HashMap<>();

    /** The distro's facts for instance data. */
    public Map<String, String> osRelease() {
        return new LinkedHashMap<>(OsRelease.read(target).fields());
    }

    @Override
    public void close() {
        hub.flush();
        recoverable.close();
        LogOutput.flush();
        LogOutput.close();
    }
}
