package io.nubis.cc.ntp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.distro.PackageSpec;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import io.nubis.api.template.TemplateException;
import io.nubis.api.template.TemplateRenderer;

/**
 * {@code ntp}: configures a time client as the reference's {@code cc_ntp} does. The client is
 * {@code ntp.ntp_client}, else {@code system_info.ntp_client}, else ({@code auto}) the first of
 * {@code system_info.ntp_preferred_clients} whose program is installed, or the first one. Its
 * definition ({@code system_info.ntp_clients}) with {@code ntp.config} merged over it gives the
 * configuration path, packages, service and template. The template ({@code ntp.config.template},
 * else {@code <templates_dir>/<template_name>.tmpl}, else the bundle's) is rendered with
 * servers, pools (the distro's four default pools when neither is given), peers and allow;
 * a changed file is written (the original kept once as {@code .dist}), the packages installed
 * if the program is missing, and the service enabled and restarted. Nothing changed: nothing run.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = NtpModule.NAME, stage = "config", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {NtpModule.NAME},
        distros = {"ubuntu", "debian", "suse", "alpine", "freebsd"}, schema = "schema/ntp.json")
public final class NtpModule implements ConfigModule {
    static final String NAME = "ntp";
    private static final String HEADER = "## template:";

    private final TemplateRenderer renderer;

    /** @param renderer the Jinja renderer for client templates */
    @Activate
    public NtpModule(@Reference(target = "(nubis.template=jinja)") TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        if (!ctx.config().asMap().containsKey(NAME)) {
            ctx.log().debug("Skipping module named {}, not present or disabled by cfg", ctx.name());
            return;
        }
        Map<String, Object> ntp = Values.asMap(NAME, ctx.config().asMap().get(NAME));
        if (ntp.containsKey("enabled") && !Values.asBoolean("ntp.enabled", ntp.get("enabled"))) {
            ctx.log().debug("Skipping module named {}, disabled by config", ctx.name());
            return;
        }
        NtpClient client = select(ctx, ntp);
        List<String> servers = NtpHosts.list(ntp, "servers");
        List<String> pools = NtpHosts.list(ntp, "pools");
        List<String> peers = NtpHosts.list(ntp, "peers");
        List<String> allow = NtpHosts.list(ntp, "allow");
        if (servers.isEmpty() && pools.isEmpty()) {
            Object vendor = ctx.config().map("system_info").get("ntp_pool_vendor");
            pools = NtpHosts.defaultPools(vendor == null ? null : Values.asString("system_info.ntp_pool_vendor", vendor));
            ctx.log().debug("Adding distro default ntp pool servers: {}", String.join(",", pools));
        }
        String service = client.serviceName() != null ? client.serviceName()
                : ctx.distro().profile().serviceName(client.service());
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("keyfile", null);
        vars.put("driftfile", null);
        vars.put("logdir", null);
        vars.put("pool_keyword", "pool");
        vars.put("iburst", true);
        vars.put("restrict", false);
        vars.putAll(client.templateParams());
        vars.put("servers", servers);
        vars.put("pools", pools);
        vars.put("peers", peers);
        vars.put("allow", allow);
        vars.put("service_name", service);
        String text;
        try {
            text = renderer.render(templateText(ctx, client), vars);
        } catch (TemplateException e) {
            throw new ModuleException("ntp: cannot render the " + client.name() + " template: " + e.getMessage(), e);
        }
        try {
            boolean changed = writeConfig(ctx, client.confpath(), text);
            changed |= install(ctx, client);
            if (changed) {
                ctx.runner().run(ctx.distro().initSystem().enable(service));
                ctx.runner().run(ctx.distro().initSystem().restart(service));
            } else {
                ctx.log().debug("{} is up to date and {} installed; not restarting {}", client.confpath(),
                        client.name(), service);
            }
        } catch (IOException e) {
            throw new ModuleException("ntp: cannot write " + client.confpath() + ": " + e.getMessage(), e);
        } catch (CommandException e) {
            throw new ModuleException("ntp: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModuleException("ntp.config.service_name: " + e.getMessage(), e);
        }
    }

    /** The client named in cloud-config or system_info, or the first installed preferred one. */
    static NtpClient select(ModuleContext ctx, Map<String, Object> ntp) {
        Map<String, Object> sys = ctx.config().map("system_info");
        Map<String, Object> defs = Values.asMap("system_info.ntp_clients", sys.get("ntp_clients"));
        Map<String, Object> user = Values.asMap("ntp.config", ntp.get("config"));
        String name = ntp.get("ntp_client") == null ? "auto" : Values.asString("ntp.ntp_client", ntp.get("ntp_client")).trim();
        if (name.isEmpty() || name.equals("auto")) {
            name = sys.get("ntp_client") == null ? "auto" : Values.asString("system_info.ntp_client", sys.get("ntp_client"));
            if (!name.equals("auto")) {
                ctx.log().debug("Selected NTP client \"{}\" via system_info", name);
            }
        } else {
            ctx.log().debug("Selected NTP client \"{}\" via user-data configuration", name);
        }
        if (name.equals("auto")) {
            List<Object> preferred = Values.asList("system_info.ntp_preferred_clients", sys.get("ntp_preferred_clients"));
            if (preferred.isEmpty()) {
                throw new ConfigException("system_info.ntp_preferred_clients", "this distro names no NTP client");
            }
            name = null;
            for (int i = 0; i < preferred.size() && name == null; i++) {
                String candidate = Values.asString("system_info.ntp_preferred_clients[" + i + "]", preferred.get(i));
                Map<String, Object> def = Values.asMap("system_info.ntp_clients." + candidate, defs.get(candidate));
                Object exe = def.get("check_exe");
                if (exe != null && ctx.runner().which(Values.asString("check_exe", exe)).isPresent()) {
                    name = candidate;
                    ctx.log().debug("Selected distro preferred NTP client \"{}\" (installed)", name);
                }
            }
            if (name == null) {
                name = Values.asString("system_info.ntp_preferred_clients[0]", preferred.get(0));
                ctx.log().debug("Selected NTP client \"{}\", the distro's first choice (none installed)", name);
            }
        }
        if (!defs.containsKey(name) && user.isEmpty()) {
            throw new ConfigException("ntp.ntp_client", "unknown NTP client '" + name + "' for this distro (known: "
                    + String.join(", ", defs.keySet()) + "); give its ntp.config");
        }
        return NtpClient.of(name, Values.asMap("system_info.ntp_clients." + name, defs.get(name)), user);
    }

    private String templateText(ModuleContext ctx, NtpClient client) throws ModuleException {
        if (client.template() != null) {
            return stripHeader(client.template());
        }
        TargetRoot t = ctx.target();
        if (client.templateName() != null) {
            Object dir = Values.asMap("system_info.paths", ctx.config().map("system_info").get("paths")).get("templates_dir");
            String templates = dir == null ? "/etc/cloud/templates" : Values.asString("system_info.paths.templates_dir", dir);
            String path = (templates.endsWith("/") ? templates : templates + "/") + client.templateName() + ".tmpl";
            if (path.startsWith("/") && t.exists(path) && !t.isDirectory(path)) {
                try {
                    ctx.log().debug("Using template {}", path);
                    return stripHeader(t.readString(path).orElse(""));
                } catch (IOException e) {
                    throw new ModuleException("ntp: cannot read template " + path + ": " + e.getMessage(), e);
                }
            }
        }
        if (client.builtinTemplate() == null) {
            throw new ModuleException("ntp: no template found for " + client.name() + ", not rendering " + client.confpath());
        }
        String resource = "templates/" + client.builtinTemplate() + ".tmpl";
        try (InputStream in = NtpModule.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModuleException("ntp.config: no built-in template '" + client.builtinTemplate() + "'");
            }
            return stripHeader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModuleException("ntp: cannot read built-in template " + resource, e);
        }
    }

    static String stripHeader(String template) {
        if (template.startsWith(HEADER) || template.startsWith("## template:")) {
            int nl = template.indexOf('\n');
            return nl < 0 ? "" : template.substring(nl + 1);
        }
        return template;
    }

    /** Writes the file if its content differs; keeps the distro's original once as {@code .dist}. */
    private static boolean writeConfig(ModuleContext ctx, String path, String text) throws IOException {
        TargetRoot t = ctx.target();
        Optional<String> current = t.isDirectory(path) ? Optional.empty() : t.readString(path);
        if (current.isPresent() && current.get().equals(text)) {
            return false;
        }
        if (current.isPresent() && !t.exists(path + ".dist")) {
            ctx.log().debug("Keeping the original {} as {}.dist", path, path);
            t.writeString(path + ".dist", current.get(), FileAttributes.mode(t.mode(path) & 07777));
        }
        t.writeString(path, text, FileAttributes.PUBLIC);
        return true;
    }

    /** Installs the client's packages if its program is missing; true if it ran the install. */
    private static boolean install(ModuleContext ctx, NtpClient client) throws CommandException {
        if (ctx.runner().which(client.checkExe()).isPresent()) {
            return false;
        }
        if (client.packages().isEmpty()) {
            ctx.log().warn("{} not found and ntp.config.packages is empty: not installing anything", client.checkExe());
            return false;
        }
        List<PackageSpec> specs = new ArrayList<>();
        client.packages().forEach(p -> specs.add(PackageSpec.of(p)));
        Command install = ctx.distro().packages().install(specs);
        ctx.runner().run(install);
        return true;
    }
}
