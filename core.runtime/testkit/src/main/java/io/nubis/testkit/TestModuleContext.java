package io.nubis.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Distro;
import io.nubis.api.distro.DistroProfile;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.UserManager;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.report.Reporter;
import io.nubis.api.target.TargetRoot;

/**
 * A {@link ModuleContext} for a module's unit test, built from a config (YAML text or a map), a
 * target ({@link TempTarget}), a runner ({@link RecordingRunner} by default) and the distro
 * adapters the module needs. It records reporting events ({@link #events()}) and console lines
 * ({@link #consoleLines()}).
 *
 * <pre>{@code
 * TempTarget target = TempTarget.in(tempDir);
 * RecordingRunner runner = new RecordingRunner(target);
 * TestModuleContext ctx = TestModuleContext.builder("runcmd")
 *         .config("runcmd:\n  - [ls, -l, /]\n")
 *         .target(target).runner(runner)
 *         .build();
 * new RuncmdModule().run(ctx);
 * }</pre>
 */
public final class TestModuleContext implements ModuleContext {
    /** Instance id used when the test gives none. */
    public static final String DEFAULT_INSTANCE_ID = "iid-test";

    private final String name;
    private final CloudConfig config;
    private final Map<String, Object> instanceData;
    private final String instanceId;
    private final TargetRoot target;
    private final CommandRunner runner;
    private final Distro distro;
    private final Frequency frequency;
    private final boolean updateMode;
    private final List<String> args;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final Reporter reporter = new RecordingReporter("", events, null);

    private TestModuleContext(Builder b) {
        this.name = b.name;
        this.config = new MapConfig(b.config);
        this.instanceData = Collections.unmodifiableMap(new LinkedHashMap<>(b.instanceData));
        this.instanceId = b.instanceId;
        this.target = b.target;
        this.runner = b.runner != null ? b.runner : new RecordingRunner(b.target);
        this.distro = b.distro != null ? b.distro : b.parts;
        this.frequency = b.frequency;
        this.updateMode = b.updateMode;
        this.args = List.copyOf(b.args);
    }

    /** Starts a context for the module {@code name} ({@code users_groups}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The reporting events so far: {@code start: NAME: DESC} and {@code finish: NAME: RESULT: DESC}, names relative to the module. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Lines the module wrote with {@link #console(String)}. */
    public List<String> consoleLines() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CloudConfig config() {
        return config;
    }

    @Override
    public Map<String, Object> instanceData() {
        return instanceData;
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public TargetRoot target() {
        return target;
    }

    @Override
    public CommandRunner runner() {
        return runner;
    }

    @Override
    public Distro distro() {
        return distro;
    }

    @Override
    public Reporter reporter() {
        return reporter;
    }

    /** Logger {@code cc_NAME}, written in the reference format by Nubis's SLF4J provider. */
    @Override
    public Logger log() {
        return LoggerFactory.getLogger("cc_" + name);
    }

    @Override
    public Frequency frequency() {
        return frequency;
    }

    @Override
    public boolean updateMode() {
        return updateMode;
    }

    @Override
    public List<String> args() {
        return args;
    }

    @Override
    public void console(String line) {
        console.add(line);
    }

    /** Builds a {@link TestModuleContext}; only {@link #target} is required. */
    public static final class Builder {
        private final String name;
        private Map<String, Object> config = Map.of();
        private Map<String, Object> instanceData = Map.of();
        private String instanceId = DEFAULT_INSTANCE_ID;
        private TargetRoot target;
        private CommandRunner runner;
        private Distro distro;
        private final TestDistro parts = new TestDistro();
        private Frequency frequency = Frequency.PER_INSTANCE;
        private boolean updateMode;
        private List<String> args = List.of();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The merged config as cloud-config YAML (without the {@code #cloud-config} line being
         * required); it must be a mapping or empty.
         */
        @SuppressWarnings("unchecked")
        public Builder config(String yaml) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (doc == null) {
                this.config = Map.of();
            } else if (doc instanceof Map) {
                this.config = (Map<String, Object>) doc;
            } else {
                throw new IllegalArgumentException("test config YAML must be a mapping, got "
                        + io.nubis.api.config.Values.typeName(doc));
            }
            return this;
        }

        /** The merged config as a map. */
        @SuppressWarnings("unchecked")
        public Builder config(Map<String, ?> map) {
            this.config = (Map<String, Object>) map;
            return this;
        }

        /** Instance data (metadata with the {@code v1} keys). */
        @SuppressWarnings("unchecked")
        public Builder instanceData(Map<String, ?> data) {
            this.instanceData = (Map<String, Object>) data;
            return this;
        }

        /** The instance id (default {@value TestModuleContext#DEFAULT_INSTANCE_ID}). */
        public Builder instanceId(String id) {
            this.instanceId = id;
            return this;
        }

        /** The target root, usually a {@link TempTarget}. Required. */
        public Builder target(TargetRoot t) {
            this.target = t;
            return this;
        }

        /** The runner (default: a new {@link RecordingRunner} over the target). */
        public Builder runner(CommandRunner r) {
            this.runner = r;
            return this;
        }

        /** A whole distro; replaces the adapters given one by one. */
        public Builder distro(Distro d) {
            this.distro = d;
            return this;
        }

        /** The distro profile. */
        public Builder profile(DistroProfile p) {
            parts.profile = p;
            return this;
        }

        /** The init-system adapter. */
        public Builder initSystem(InitSystem s) {
            parts.initSystem = s;
            return this;
        }

        /** The sudo/doas adapter. */
        public Builder privilege(PrivilegeRules p) {
            parts.privilege = p;
            return this;
        }

        /** The device-manager adapter. */
        public Builder devices(DeviceManager d) {
            parts.devices = d;
            return this;
        }

        /** The package-manager adapter. */
        public Builder packages(PackageManager p) {
            parts.packages = p;
            return this;
        }

        /** The user-tools adapter. */
        public Builder users(UserManager u) {
            parts.users = u;
            return this;
        }

        /** The filesystem layout (default: Linux FHS, {@code /run/cloud-init}, {@code /var/lib/cloud}, ...). */
        public Builder layout(FilesystemLayout l) {
            parts.layout = l;
            return this;
        }

        /** The frequency in force (default {@link Frequency#PER_INSTANCE}). */
        public Builder frequency(Frequency f) {
            this.frequency = f;
            return this;
        }

        /** Update mode (default false). */
        public Builder updateMode(boolean update) {
            this.updateMode = update;
            return this;
        }

        /** Arguments as given to {@code single --name M arg...}. */
        public Builder args(String... a) {
            this.args = List.of(a);
            return this;
        }

        /** The context. */
        public TestModuleContext build() {
            if (target == null) {
                throw new IllegalStateException("TestModuleContext for " + name
                        + " needs a target: builder.target(TempTarget.in(tempDir))");
            }
            return new TestModuleContext(this);
        }
    }
}
