package io.nubis.cc.misc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.nubis.api.module.Resources;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * {@code ca_certs}: adds trusted CA certificates and optionally disables the distro's defaults,
 * as the reference's {@code cc_ca_certs}; where they go and how the store is rebuilt come from
 * {@code system_info.ca_certs}. Certificates are written as {@code <local_path>/<filename>} with
 * {@code {cert_index}} counting from 1; {@code remove_defaults} with the {@code deselect} method
 * prefixes the config file's entries with {@code !} (plus debconf's {@code trust_new_crts=no}
 * where {@code debconf} is set). The update command runs only when something changed, and
 * numbered files left from a longer earlier list are removed, so a rerun changes nothing.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = CaCertsModule.NAME, stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {"ca_certs", "ca-certs"}, distros = {"ubuntu", "debian", "suse", "alpine", "freebsd"},
        touches = {Resources.CERTS, Resources.PACKAGES}, schema = "schema/ca_certs.json")
public final class CaCertsModule implements ConfigModule {
    static final String NAME = "ca_certs";
    static final String HEADER = "# Modified by cloud-init to deselect certs due to user-data";
    static final int MAX_CERT = 1 << 20;
    private static final String FACTS = "system_info.ca_certs";
    private static final Pattern FILENAME = Pattern.compile("[A-Za-z0-9_.+-]*\\{cert_index}[A-Za-z0-9_.+-]*");

    /** Stateless. */
    @Activate
    public CaCertsModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        String key = ctx.config().asMap().containsKey(NAME) ? NAME : "ca-certs";
        if (ctx.config().asMap().containsKey(NAME) && ctx.config().asMap().containsKey("ca-certs")) {
            ctx.log().warn("Found both ca-certs (deprecated) and ca_certs config keys. Ignoring ca-certs.");
        } else if (key.equals("ca-certs")) {
            ctx.log().info("Key 'ca-certs' is deprecated; use 'ca_certs' instead.");
        }
        Map<String, Object> cfg = Values.asMap(key, ctx.config().asMap().get(key));
        Map<String, Object> facts = Values.asMap(FACTS, ctx.config().map("system_info").get(NAME));
        String localPath = path(facts, "local_path", true);
        String filename = Values.asString(FACTS + ".filename", facts.getOrDefault("filename", "cloud-init-ca-cert-{cert_index}.crt"));
        if (!FILENAME.matcher(filename).matches()) {
            throw new ConfigException(FACTS + ".filename", "must be a file name containing {cert_index}");
        }
        List<String> trusted = trusted(key, cfg);
        boolean removeDefaults = cfg.containsKey("remove_defaults")
                ? Values.asBoolean(key + ".remove_defaults", cfg.get("remove_defaults"))
                : cfg.containsKey("remove-defaults") && Values.asBoolean(key + ".remove-defaults", cfg.get("remove-defaults"));
        List<Object> update = Values.asList(FACTS + ".update_cmd", facts.get("update_cmd"));
        if (update.isEmpty()) {
            throw new ConfigException(FACTS + ".update_cmd", "this distro names no command to update the trust store");
        }
        try {
            boolean changed = false;
            if (removeDefaults) {
                changed |= removeDefaults(ctx, facts);
            }
            changed |= writeCerts(ctx, localPath, filename, trusted);
            if (changed) {
                List<String> argv = new ArrayList<>();
                for (int i = 0; i < update.size(); i++) {
                    argv.add(Values.asString(FACTS + ".update_cmd[" + i + "]", update.get(i)));
                }
                ctx.log().debug("Updating certificates");
                ctx.runner().run(Command.of(argv));
            } else {
                ctx.log().debug("CA certificates are up to date");
            }
        } catch (IOException e) {
            throw new ModuleException(key + ": cannot write certificates: " + e.getMessage(), e);
        } catch (CommandException e) {
            throw new ModuleException(key + ": " + e.getMessage(), e);
        }
    }

    private static List<String> trusted(String key, Map<String, Object> cfg) {
        List<Object> raw = Values.asList(key + ".trusted", cfg.get("trusted"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = key + ".trusted[" + i + "]";
            String cert = Values.asString(path, raw.get(i));
            if (cert.getBytes(StandardCharsets.UTF_8).length > MAX_CERT) {
                throw new ConfigException(path, "larger than " + MAX_CERT + " bytes");
            }
            if (!cert.contains("-----BEGIN ")) {
                throw new ConfigException(path, "not a PEM certificate (no -----BEGIN line)");
            }
            out.add(cert);
        }
        return out;
    }

    private static boolean writeCerts(ModuleContext ctx, String dir, String filename, List<String> certs) throws IOException {
        TargetRoot t = ctx.target();
        boolean changed = false;
        if (!certs.isEmpty()) {
            ctx.log().debug("Adding {} certificates", certs.size());
        }
        for (int i = 0; i < certs.size(); i++) {
            String path = dir + "/" + filename.replace("{cert_index}", Integer.toString(i + 1));
            if (!certs.get(i).equals(t.readString(path).orElse(null))) {
                t.writeString(path, certs.get(i), FileAttributes.PUBLIC);
                changed = true;
            }
        }
        int at = filename.indexOf("{cert_index}");
        Pattern numbered = Pattern.compile(Pattern.quote(filename.substring(0, at)) + "(\\d+)"
                + Pattern.quote(filename.substring(at + "{cert_index}".length())));
        for (String name : t.list(dir)) {
            Matcher m = numbered.matcher(name);
            if (m.matches() && m.group(1).length() < 9 && Integer.parseInt(m.group(1)) > certs.size()) {
                ctx.log().debug("Removing {}/{} left from an earlier, longer list", dir, name);
                changed |= t.delete(dir + "/" + name);
            }
        }
        return changed;
    }

    private static boolean removeDefaults(ModuleContext ctx, Map<String, Object> facts) throws IOException, CommandException {
        String method = Values.asString(FACTS + ".remove_defaults", facts.getOrDefault("remove_defaults", "none"));
        if (!method.equals("deselect")) {
            ctx.log().warn("remove_defaults is not supported on this distro ({}.remove_defaults: {})", FACTS, method);
            return false;
        }
        ctx.log().debug("Disabling/removing default certificates");
        Object conf = facts.get("config");
        if (conf == null) {
            return false;
        }
        String path = path(facts, "config", false);
        TargetRoot t = ctx.target();
        String text = t.readString(path).orElse("");
        if (text.isEmpty()) {
            return false;
        }
        List<String> out = new ArrayList<>();
        boolean header = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals(HEADER)) {
                header = true;
                out.add(line);
            } else if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                out.add(line);
            } else {
                if (!header) {
                    out.add(HEADER);
                    header = true;
                }
                out.add("!" + line);
            }
        }
        String result = String.join("\n", out);
        if (!result.endsWith("\n")) {
            result += "\n";
        }
        if (result.equals(text)) {
            return false;
        }
        t.writeString(path, result, FileAttributes.mode(t.mode(path) & 07777));
        Object debconf = facts.get("debconf");
        if (debconf != null && Values.asBoolean(FACTS + ".debconf", debconf)) {
            ctx.runner().run(Command.of("debconf-set-selections", "-").withStdin(
                    "ca-certificates ca-certificates/trust_new_crts select no\n".getBytes(StandardCharsets.UTF_8)));
        }
        return true;
    }

    private static String path(Map<String, Object> facts, String key, boolean required) {
        Object v = facts.get(key);
        if (v == null && required) {
            throw new ConfigException(FACTS + "." + key, "missing: this distro does not say where CA certificates go");
        }
        String s = Values.asString(FACTS + "." + key, v);
        if (!s.startsWith("/")) {
            throw new ConfigException(FACTS + "." + key, "must be an absolute path, not '" + s + "'");
        }
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
