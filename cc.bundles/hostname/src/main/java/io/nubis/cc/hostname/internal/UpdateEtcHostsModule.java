package io.nubis.cc.hostname.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import io.nubis.api.target.FileAttributes;

/**
 * {@code update_etc_hosts}: manages {@code /etc/hosts} on every boot, as the reference's
 * {@code cc_update_etc_hosts}. {@code manage_etc_hosts: true} (or the deprecated
 * {@code template}) renders the distro's {@code hosts.<system_info.hosts_template>.tmpl}: the
 * operator's copy in the templates directory if there is one, else the one shipped in this
 * bundle. {@code manage_etc_hosts: localhost} only makes sure the {@code system_info.hosts_localhost_ip}
 * line maps {@code FQDN HOSTNAME}. Anything false leaves the file alone.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "update_etc_hosts", stage = "network", frequency = Frequency.ALWAYS_ID,
        idempotent = true, keys = {UpdateEtcHostsModule.KEY}, touches = {Resources.HOSTS, Resources.HOSTNAME},
        schema = "schema/update_etc_hosts.json")
public final class UpdateEtcHostsModule implements ConfigModule {
    /** The config key. */
    static final String KEY = "manage_etc_hosts";
    /** Header of a hosts file this module creates in localhost mode. */
    static final String ADDED_HEADER = "# Added by cloud-init (Nubis)";

    /** Stateless. */
    @Activate
    public UpdateEtcHostsModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Object v = ctx.config().asMap().get(KEY);
        String mode = mode(v);
        if (mode == null) {
            ctx.log().debug("Configuration option '{}' is not set, not managing {} in module {}", KEY, HostsFile.PATH,
                    ctx.name());
            return;
        }
        if (mode.equals("unknown")) {
            ctx.log().warn("{}: unknown value '{}' (expected true, false or localhost); not managing {}", KEY, v,
                    HostsFile.PATH);
            return;
        }
        SystemFacts facts = SystemFacts.of(ctx);
        Names names = Names.resolve(ctx, new CurrentHostname(new HostnameStore(facts)));
        if (names.hostname() == null || names.hostname().isEmpty()) {
            ctx.log().warn("Option '{}' was set, but no hostname was found", KEY);
            return;
        }
        try {
            if (mode.equals("template")) {
                if ("template".equals(v)) {
                    ctx.log().info("DEPRECATED: Value 'template' for key '{}' is deprecated in 22.2. Use 'true' instead.", KEY);
                }
                String rendered = render(ctx, facts, names);
                write(ctx, rendered);
            } else {
                ctx.log().debug("Managing localhost in {}", HostsFile.PATH);
                Optional<String> old = ctx.target().readString(HostsFile.PATH);
                HostsFile hosts = new HostsFile(old.orElse(""));
                if (hosts.ensureLocalhost(facts.localhostIp(), names.fqdn(), names.hostname())) {
                    write(ctx, (old.isEmpty() ? ADDED_HEADER + "\n" : "") + hosts);
                }
            }
        } catch (IOException e) {
            throw new ModuleException(KEY + ": cannot update " + HostsFile.PATH + ": " + e.getMessage(), e);
        }
    }

    /** {@code template}, {@code localhost}, {@code unknown}, or null for "leave the file alone". */
    static String mode(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return null;
        }
        if (Boolean.TRUE.equals(v)) {
            return "template";
        }
        String s = String.valueOf(v);
        if (s.equals("localhost")) {
            return "localhost";
        }
        switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "on": case "yes": case "template":
                return "template";
            case "false": case "0": case "off": case "no": case "": case "none":
                return null;
            default:
                return "unknown";
        }
    }

    private static String render(ModuleContext ctx, SystemFacts facts, Names names) throws ModuleException, IOException {
        String name = facts.hostsTemplate();
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new ModuleException(KEY + ": no hosts template could be found (system_info.hosts_template is "
                    + (name == null ? "not set" : "'" + name + "'") + ")");
        }
        String file = "hosts." + name + ".tmpl";
        String override = facts.templatesDir() + "/" + file;
        String source;
        String text;
        Optional<String> custom = ctx.target().readString(override);
        if (custom.isPresent()) {
            text = custom.get();
            source = override;
        } else {
            try (InputStream in = UpdateEtcHostsModule.class.getResourceAsStream("/templates/" + file)) {
                if (in == null) {
                    throw new ModuleException(KEY + ": no hosts template could be found for system_info.hosts_template '"
                            + name + "' (neither " + override + " nor a shipped " + file + ")");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            source = "shipped " + file;
        }
        try {
            return HostsTemplate.render(text, Map.of("hostname", names.hostname(), "fqdn", names.fqdn()));
        } catch (IllegalArgumentException e) {
            throw new ModuleException(KEY + ": cannot render " + source + ": " + e.getMessage(), e);
        }
    }

    private static void write(ModuleContext ctx, String content) throws IOException {
        Optional<String> old = ctx.target().readString(HostsFile.PATH);
        if (old.isPresent() && old.get().equals(content)) {
            ctx.log().debug("{} is up to date", HostsFile.PATH);
            return;
        }
        ctx.target().writeString(HostsFile.PATH, content, FileAttributes.PUBLIC);
    }
}
