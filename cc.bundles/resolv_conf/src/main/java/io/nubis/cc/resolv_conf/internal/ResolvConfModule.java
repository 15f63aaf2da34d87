package io.nubis.cc.resolv_conf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import io.nubis.api.target.FileAttributes;

/**
 * {@code resolv_conf}: when {@code manage_resolv_conf} is true, writes the resolver file
 * ({@code system_info.resolv_conf_fn}) from {@code resolv_conf}: nameserver lines, search,
 * domain, sortlist, and an options line (true booleans as flags first, false ones dropped, then
 * {@code key:value} pairs), as the reference's template lays it out. Every value is checked to
 * be one word, so none can add a directive; an unchanged file is left alone.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = ResolvConfModule.NAME, stage = "network", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {"manage_resolv_conf"}, distros = {"alpine", "suse"}, touches = Resources.NETWORK,
        schema = "schema/resolv_conf.json")
public final class ResolvConfModule implements ConfigModule {
    static final String NAME = "resolv_conf";
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:%/\\[\\]-]{1,253}");
    private static final Pattern OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** Stateless. */
    @Activate
    public ResolvConfModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        if (!ctx.config().bool("manage_resolv_conf", false)) {
            ctx.log().debug("Skipping module named {}, 'manage_resolv_conf' present but set to False", ctx.name());
            return;
        }
        if (!ctx.config().has(NAME)) {
            ctx.log().warn("manage_resolv_conf True but no parameters provided!");
            return;
        }
        Map<String, Object> rc = ctx.config().map(NAME);
        String text = render(rc);
        Object fn = ctx.config().map("system_info").get("resolv_conf_fn");
        String path = fn == null ? "/etc/resolv.conf" : Values.asString("system_info.resolv_conf_fn", fn);
        if (!path.startsWith("/")) {
            throw new ConfigException("system_info.resolv_conf_fn", "must be an absolute path, not '" + path + "'");
        }
        try {
            if (text.equals(ctx.target().readString(path).orElse(null))) {
                ctx.log().debug("{} is up to date", path);
                return;
            }
            ctx.log().debug("Writing {} from resolv_conf", path);
            ctx.target().writeString(path, text, FileAttributes.PUBLIC);
        } catch (IOException e) {
            throw new ModuleException("resolv_conf: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    static String render(Map<String, Object> rc) {
        StringBuilder b = new StringBuilder("# Written by Nubis (resolv_conf module) because manage_resolv_conf is true.\n");
        List<String> ns = words(rc, "nameservers");
        for (String n : ns) {
            b.append("nameserver ").append(n).append('\n');
        }
        List<String> search = words(rc, "searchdomains");
        if (!search.isEmpty()) {
            b.append("search ").append(String.join(" ", search)).append('\n');
        }
        if (rc.get("domain") != null) {
            b.append("domain ").append(word("resolv_conf.domain", rc.get("domain"))).append('\n');
        }
        List<String> sortlist = words(rc, "sortlist");
        if (!sortlist.isEmpty()) {
            b.append("sortlist ").append(String.join(" ", sortlist)).append('\n');
        }
        Map<String, Object> options = Values.asMap("resolv_conf.options", rc.get("options"));
        List<String> flags = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> e : options.entrySet()) {
            String key = "resolv_conf.options." + e.getKey();
            if (!OPTION.matcher(e.getKey()).matches()) {
                throw new ConfigException(key, "invalid option name");
            }
            if (e.getValue() instanceof Boolean on) {
                if (on) {
                    flags.add(e.getKey());
                }
            } else {
                pairs.add(e.getKey() + ":" + word(key, e.getValue()));
            }
        }
        if (!flags.isEmpty() || !pairs.isEmpty()) {
            flags.addAll(pairs);
            b.append("options ").append(String.join(" ", flags)).append('\n');
        }
        return b.toString();
    }

    private static List<String> words(Map<String, Object> rc, String key) {
        List<Object> raw = Values.asList("resolv_conf." + key, rc.get(key));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(word("resolv_conf." + key + "[" + i + "]", raw.get(i)));
        }
        return out;
    }

    private static String word(String path, Object v) {
        String s = Values.asString(path, v).trim();
        if (!WORD.matcher(s).matches()) {
            throw new ConfigException(path, "invalid value '" + Printable.of(s) + "'");
        }
        return s;
    }
}
