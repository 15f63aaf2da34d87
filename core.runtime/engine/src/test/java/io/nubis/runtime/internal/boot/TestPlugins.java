package io.nubis.runtime.internal.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.nubis.api.datasource.Datasource;
import io.nubis.api.distro.DeviceManager;
import io.nubis.api.distro.Distro;
import io.nubis.api.distro.DistroProfile;
import io.nubis.api.distro.FilesystemLayout;
import io.nubis.api.distro.InitSystem;
import io.nubis.api.distro.PackageManager;
import io.nubis.api.distro.PrivilegeRules;
import io.nubis.api.distro.UserManager;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.report.ReportingHandler;
import io.nubis.api.template.TemplateRenderer;
import io.nubis.runtime.internal.ds.DetectionHints;
import io.nubis.runtime.internal.ds.UpdateEvents;
import io.nubis.runtime.internal.modules.ModuleInfo;

/** Plug-ins for engine tests: a Debian-like profile with an FHS layout, datasources and modules given as lambdas. */
final class TestPlugins implements Plugins {
    final Map<String, DetectionHints> datasources = new LinkedHashMap<>();
    final Map<String, Datasource> dsServices = new LinkedHashMap<>();
    final Map<String, ModuleInfo> modules = new LinkedHashMap<>();
    final Map<String, ConfigModule> moduleServices = new LinkedHashMap<>();
    final List<String> crawled = new java.util.ArrayList<>();
    final Map<String, UpdateEvents> updateEvents = new LinkedHashMap<>();
    String defaults;
    boolean ephemeralRun = true;

    TestPlugins(String defaults) {
        this.defaults = defaults;
    }

    TestPlugins datasource(String name, List<String> stages, List<String> files, boolean always, Datasource ds) {
        datasources.put(name, new DetectionHints(name, stages, files, List.of(), List.of(), List.of(), always, null));
        dsServices.put(name, ctx -> {
            crawled.add(name + "@" + ctx.stage().id());
            return ds.crawl(ctx);
        });
        return this;
    }

    TestPlugins module(String name, Frequency f, List<String> keys, boolean idempotent, ConfigModule m) {
        modules.put(name, new ModuleInfo(name, "network", f, idempotent, keys, List.of("all"), List.of(), List.of(),
                "test." + name, null, true));
        moduleServices.put(name, m);
        return this;
    }

    @Override
    public Distro distro(Optional<String> osId) {
        return new Distro() {
            @Override
            public DistroProfile profile() {
                return new DistroProfile() {
                    @Override
                    public String name() {
                        return "debian";
                    }

                    @Override
                    public String family() {
                        return "debian";
                    }

                    @Override
                    public String variant() {
                        return "debian";
                    }

                    @Override
                    public String defaultConfig() {
                        return defaults;
                    }

                    @Override
                    public Map<String, String> serviceNames() {
                        return Map.of();
                    }
                };
            }

            @Override
            public InitSystem initSystem() {
                throw new IllegalStateException("no init system in tests");
            }

            @Override
            public PrivilegeRules privilege() {
                throw new IllegalStateException("no privilege rules in tests");
            }

            @Override
            public DeviceManager devices() {
                throw new IllegalStateException("no device manager in tests");
            }

            @Override
            public PackageManager packages() {
                throw new IllegalStateException("no package manager in tests");
            }

            @Override
            public UserManager users() {
                throw new IllegalStateException("no user tools in tests");
            }

            @Override
            public FilesystemLayout layout() {
                return new FilesystemLayout() {
                    @Override
                    public String runDir() {
                        return "/run/cloud-init";
                    }

                    @Override
                    public boolean ephemeralRun() {
                        return ephemeralRun;
                    }

                    @Override
                    public String cloudDir() {
                        return "/var/lib/cloud";
                    }

                    @Override
                    public String configDir() {
                        return "/etc/cloud";
                    }

                    @Override
                    public String logFile() {
                        return "/var/log/cloud-init.log";
                    }

                    @Override
                    public String outputLogFile() {
                        return "/var/log/cloud-init-output.log";
                    }

                    @Override
                    public String libexecDir() {
                        return "/usr/lib/nubis";
                    }
                };
            }
        };
    }

    @Override
    public String distroSource() {
        return "test profile";
    }

    @Override
    public boolean hasLayout() {
        return true;
    }

    @Override
    public Map<String, DetectionHints> datasources() {
        return datasources;
    }

    @Override
    public Datasource datasource(DetectionHints hints) {
        return dsServices.get(hints.name());
    }

    @Override
    public UpdateEvents updateEvents(DetectionHints hints) {
        return updateEvents.getOrDefault(hints.name(), UpdateEvents.NONE);
    }

    @Override
    public Map<String, ModuleInfo> modules() {
        return modules;
    }

    @Override
    public ConfigModule module(ModuleInfo info) {
        return moduleServices.get(info.name());
    }

    @Override
    public Optional<ReportingHandler> reportingHandler(String type) {
        return Optional.empty();
    }

    @Override
    public Optional<TemplateRenderer> templateRenderer() {
        return Optional.empty();
    }

    /** The keys the fixtures' user-data uses, as the real modules' fragments would declare them. */
    @Override
    public List<io.nubis.runtime.internal.schema.SchemaFragment> schemaFragments() {
        return List.of(io.nubis.runtime.internal.schema.SchemaFragment.of("test modules",
                "{\"properties\": {\"bootcmd\": {\"type\": \"array\"}, \"password\": {\"type\": \"string\"}}}"));
    }
}
