package io.nubis.cc.final_message.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.template.TemplateException;
import io.nubis.api.template.TemplateRenderer;

/**
 * {@code final_message}, as the reference's {@code cc_final_message}: renders the message (the
 * module's first argument, else {@code final_message}, else the default template) with
 * {@code version}, {@code uptime}, {@code datasource} and {@code timestamp} (and their upper-case
 * names), prints it to the console and {@code cloud-init-output.log}, and writes
 * {@code boot-finished} in the instance directory: {@code "<uptime> - <timestamp> - v. <version>\n"}.
 * A message that cannot be rendered is logged and not printed; boot-finished is written anyway.
 * The version and the datasource description come from the engine's instance data
 * ({@code nubis.version}, {@code nubis.datasource}). With the None datasource it warns
 * "Used fallback datasource", as the reference.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = FinalMessageModule.NAME, stage = "final", frequency = Frequency.ALWAYS_ID,
        idempotent = true, schema = "schema/final_message.json")
public final class FinalMessageModule implements ConfigModule {
    /** Module name and config key. */
    static final String NAME = "final_message";
    /** The reference's default message. */
    static final String DEFAULT = "## template: jinja\n"
            + "Cloud-init v. {{version}} finished at {{timestamp}}. Datasource {{datasource}}.  Up {{uptime}} seconds";
    /** RFC 2822 in UTC, as the reference's {@code util.time_rfc2822}. */
    static final DateTimeFormatter RFC2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Supplier<TemplateRenderer> renderer;
    private final Supplier<String> uptime;
    private final Clock clock;

    /**
     * @param renderer the Jinja renderer, if installed; got only when a message uses Jinja statements
     */
    @Activate
    public FinalMessageModule(@Reference(cardinality = ReferenceCardinality.OPTIONAL)
            ComponentServiceObjects<TemplateRenderer> renderer) {
        this(() -> renderer == null ? null : renderer.getService(), FinalMessageModule::hostUptime, Clock.systemUTC());
    }

    FinalMessageModule(Supplier<TemplateRenderer> renderer, Supplier<String> uptime, Clock clock) {
        this.renderer = renderer;
        this.uptime = uptime;
        this.clock = clock;
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        String msgIn;
        if (!ctx.args().isEmpty()) {
            msgIn = ctx.args().get(0);
        } else {
            Object v = ctx.config().asMap().get(NAME);
            msgIn = v == null ? "" : String.valueOf(v);
        }
        msgIn = msgIn.strip();
        if (msgIn.isEmpty()) {
            msgIn = DEFAULT;
        }
        String up = uptime.get();
        String ts = RFC2822.format(clock.instant());
        Map<?, ?> nubis = ctx.instanceData().get("nubis") instanceof Map<?, ?> m ? m : Map.of();
        String version = nubis.get("version") == null ? "unknown" : String.valueOf(nubis.get("version"));
        Map<String, Object> subs = new LinkedHashMap<>();
        subs.put("uptime", up);
        subs.put("datasource", datasource(ctx, nubis));
        subs.put("timestamp", ts);
        subs.put("version", version);
        for (String k : new java.util.ArrayList<>(subs.keySet())) {
            subs.put(k.toUpperCase(Locale.ROOT), subs.get(k));
        }
        try {
            String rendered = MessageTemplate.render(msgIn, subs, renderer, ctx.log());
            ctx.log().debug(rendered);
            for (String line : rendered.split("\n", -1)) {
                ctx.console(line);
            }
        } catch (TemplateException | RuntimeException e) {
            ctx.log().warn("Failed to render templated final message: {}", e.getMessage());
        }
        String bootFinished = ctx.instanceDir() + "/boot-finished";
        try {
            ctx.target().writeString(bootFinished, up + " - " + ts + " - v. " + version + "\n", FileAttributes.PUBLIC);
        } catch (IOException e) {
            ctx.log().warn("Failed to write boot finished file {}: {}", bootFinished, e.getMessage());
        }
        if (ctx.instanceData().get("v1") instanceof Map<?, ?> v1 && "none".equals(v1.get("platform"))) {
            ctx.log().warn("Used fallback datasource");
        }
    }

    private static String datasource(ModuleContext ctx, Map<?, ?> nubis) {
        if (nubis.get("datasource") != null) {
            return String.valueOf(nubis.get("datasource"));
        }
        if (ctx.instanceData().get("v1") instanceof Map<?, ?> v1 && v1.get("platform") != null) {
            return String.valueOf(v1.get("platform"));
        }
        return "unknown";
    }

    /** The first field of {@code /proc/uptime}, as the reference's {@code util.uptime()}. */
    static String hostUptime() {
        try {
            String s = new String(Files.readAllBytes(Path.of("/proc/uptime")), StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? "0.00" : s.split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "0.00";
        }
    }
}
