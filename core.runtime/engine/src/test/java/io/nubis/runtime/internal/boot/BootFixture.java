package io.nubis.runtime.internal.boot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.nubis.api.datasource.CrawledData;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.runtime.internal.state.JsonFiles;
import io.nubis.runtime.internal.target.ChrootTarget;
import io.nubis.runtime.internal.yaml.Yaml;

/**
 * A temporary target root with a NoCloud-like seed datasource, the None fallback and a few
 * recording modules, for stage tests.
 */
final class BootFixture {
    static final String DEFAULTS = "datasource_list: [NoCloud, None]\n"
            + "cloud_init_modules: [seed_random, bootcmd, per_instance, [failing, always]]\n"
            + "cloud_config_modules: [config_mod]\n"
            + "cloud_final_modules: [final_mod]\n"
            + "system_info:\n  distro: debian\n";

    final Path root;
    final TestPlugins plugins;
    final FakeRunner runner = new FakeRunner();
    final List<String> ran = new ArrayList<>();
    /** Modules asked to prepare, as NAME@INSTANCE-ID. */
    final List<String> prepared = new ArrayList<>();
    final Map<String, ModuleContext> contexts = new LinkedHashMap<>();
    final AtomicInteger ticks = new AtomicInteger();
    String failWith;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    BootFixture(Path root) {
        this.root = root;
        this.plugins = new TestPlugins(DEFAULTS)
                .datasource("NoCloud", List.of("local", "network"), List.of("/var/lib/cloud/seed/nocloud"), false,
                        ctx -> seed(ctx.target()))
                .datasource("None", List.of("network"), List.of(), true,
                        ctx -> Optional.of(new CrawledData("None", "config", Map.of("instance-id", "iid-datasource-none"),
                                new byte[0], null, null, null, "net")));
        for (String m : List.of("bootcmd", "per_instance", "config_mod", "final_mod", "failing")) {
            Frequency f = m.equals("per_instance") || m.equals("config_mod") ? Frequency.PER_INSTANCE : Frequency.ALWAYS;
            List<String> keys = m.equals("bootcmd") ? List.of("bootcmd") : List.of();
            plugins.module(m, f, keys, m.equals("final_mod"), new io.nubis.api.module.ConfigModule() {
                @Override
                public void run(ModuleContext ctx) throws io.nubis.api.module.ModuleException {
                    ran.add(ctx.name());
                    contexts.put(ctx.name(), ctx);
                    if (ctx.name().equals("failing") && failWith != null) {
                        throw new io.nubis.api.module.ModuleException(failWith);
                    }
                }

                @Override
                public void prepare(ModuleContext ctx) {
                    prepared.add(ctx.name() + "@" + ctx.instanceId());
                }
            });
        }
    }

    /** The seed datasource: meta-data and user-data files, dsmode from meta-data (default net). */
    @SuppressWarnings("unchecked")
    private static Optional<CrawledData> seed(io.nubis.api.target.TargetRoot t) throws io.nubis.api.datasource.DatasourceException {
        try {
            Optional<String> md = t.readString("/var/lib/cloud/seed/nocloud/meta-data");
            if (md.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> meta = Yaml.loadMapping(md.get(), "meta-data");
            byte[] ud = t.exists("/var/lib/cloud/seed/nocloud/user-data") ? t.read("/var/lib/cloud/seed/nocloud/user-data")
                    : new byte[0];
            String dsmode = String.valueOf(meta.getOrDefault("dsmode", "net"));
            byte[] vd = t.exists("/var/lib/cloud/seed/nocloud/vendor-data")
                    ? t.read("/var/lib/cloud/seed/nocloud/vendor-data") : null;
            return Optional.of(new CrawledData("NoCloud", "seed-dir (/var/lib/cloud/seed/nocloud)", meta, ud, vd, null,
                    null, dsmode));
        } catch (IOException e) {
            throw new io.nubis.api.datasource.DatasourceException(e.getMessage(), e);
        }
    }

    BootFixture file(String path, String content) {
        try {
            Path p = root.resolve(path.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A reboot: the run directory is emptied. */
    void reboot() throws IOException {
        new ChrootTarget(root).deleteTree("/run/cloud-init");
    }

    BootFixture seed(String metaData, String userData) {
        file("/var/lib/cloud/seed/nocloud/meta-data", metaData);
        return file("/var/lib/cloud/seed/nocloud/user-data", userData);
    }

    Clock clock() {
        return new Clock() {
            @Override
            public String uptimeText() {
                return String.format(java.util.Locale.ROOT, "%.2f", 10 + ticks.incrementAndGet() * 0.25);
            }

            @Override
            public Instant now() {
                return Instant.parse("2024-01-31T12:00:00Z").plusSeconds(ticks.get());
            }
        };
    }

    /** Opens a session, runs the body, closes the session. */
    int run(BootSession.Body body) throws Exception {
        return run(false, body);
    }

    int run(boolean plan, BootSession.Body body) throws Exception {
        BootOptions opts = new BootOptions(root, plan, false, List.of(), false);
        try (BootSession s = BootSession.open(opts, plugins, clock(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), plan ? null : t -> runner)) {
            s.startLogging();
            return body.run(s);
        }
    }

    int allStages() throws Exception {
        return run(AllStages::run);
    }

    String text(String path) throws IOException {
        return Files.readString(root.resolve(path.substring(1)));
    }

    boolean exists(String path) {
        return Files.exists(root.resolve(path.substring(1)), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    int mode(String path) throws IOException {
        return new ChrootTarget(root).mode(path);
    }

    Map<String, Object> json(String path) throws IOException {
        return JsonFiles.readObject(new ChrootTarget(root), path).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> v1() throws IOException {
        return (Map<String, Object>) json("/var/lib/cloud/data/status.json").get("v1");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> stage(String key) throws IOException {
        return (Map<String, Object>) v1().get(key);
    }

    String log() throws IOException {
        return text("/var/log/cloud-init.log");
    }
}
