package io.nubis.cc.zypper_add_repo.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * {@code zypper_add_repo}: writes one {@code <reposdir>/<id>.repo} per entry of
 * {@code zypper.repos} (ids with blanks become {@code _}; an existing file is left alone, as in
 * the reference; {@code enabled} and {@code autorefresh} default to 1) and appends the
 * {@code zypper.config} settings to {@code /etc/zypp/zypp.conf} under a
 * {@code # Added via cloud.cfg} comment. Unlike the reference, which appends on every boot, the
 * block is appended only when the file does not already hold it, so reruns change nothing.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = ZypperAddRepoModule.NAME, stage = "config", frequency = Frequency.ALWAYS_ID,
        idempotent = true, keys = {"zypper"}, distros = {"suse"}, touches = Resources.PACKAGES,
        schema = "schema/zypper_add_repo.json")
public final class ZypperAddRepoModule implements ConfigModule {
    static final String NAME = "zypper_add_repo";
    static final String ZYPP_CONF = "/etc/zypp/zypp.conf";
    static final String DEFAULT_REPOS_DIR = "/etc/zypp/repos.d/";
    static final String MARKER = "# Added via cloud.cfg";

    /** Stateless. */
    @Activate
    public ZypperAddRepoModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Map<String, Object> zypper = ctx.config().map("zypper");
        if (zypper.isEmpty()) {
            ctx.log().debug("Skipping module named {}, no 'zypper' relevant configuration found", ctx.name());
            return;
        }
        List<Object> repos = Values.asList("zypper.repos", zypper.get("repos"));
        if (repos.isEmpty()) {
            ctx.log().debug("Skipping module named {}, no 'repos' configuration found", ctx.name());
            return;
        }
        Map<String, Object> config = Values.asMap("zypper.config", zypper.get("config"));
        String reposDir = config.get("reposdir") == null ? DEFAULT_REPOS_DIR
                : Values.asString("zypper.config.reposdir", config.get("reposdir"));
        if (!reposDir.startsWith("/") || reposDir.indexOf('\0') >= 0) {
            throw new ConfigException("zypper.config.reposdir", "must be an absolute path, got '" + reposDir + "'");
        }
        List<String> problems = new ArrayList<>();
        writeZyppConfig(ctx, config);
        writeRepos(ctx, repos, reposDir, problems);
        if (!problems.isEmpty()) {
            throw new ModuleException(String.join("; ", problems));
        }
    }

    private static void writeZyppConfig(ModuleContext ctx, Map<String, Object> config) throws ModuleException {
        List<String> lines = new ArrayList<>();
        lines.add(MARKER);
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String path = "zypper.config." + e.getKey();
            if ("configdir".equals(e.getKey())) {
                ctx.log().warn("Changing the location of the zypper configuration is not supported,"
                        + " skipping \"configdir\" setting");
                continue;
            }
            if (!truthy(e.getValue())) {
                continue;
            }
            if (e.getKey().isBlank() || e.getKey().contains("=") || e.getKey().contains("\n")) {
                throw new ConfigException(path, "not a zypp.conf setting name");
            }
            String value = pythonText(path, e.getValue());
            if (value.contains("\n") || value.contains("\r")) {
                throw new ConfigException(path, "must be a single line");
            }
            lines.add(e.getKey() + "=" + value);
        }
        if (lines.size() == 1) {
            return;
        }
        String block = String.join("\n", lines) + "\n";
        try {
            String old = ctx.target().readString(ZYPP_CONF).orElse("");
            if (old.contains(block)) {
                ctx.log().debug("{} already holds the cloud-config settings", ZYPP_CONF);
                return;
            }
            String sep = old.isEmpty() || old.endsWith("\n") ? "" : "\n";
            int mode = ctx.target().exists(ZYPP_CONF) ? ctx.target().mode(ZYPP_CONF) : 0644;
            ctx.target().writeString(ZYPP_CONF, old + sep + block, FileAttributes.mode(mode));
        } catch (IOException e) {
            throw ioFailure(ZYPP_CONF, e);
        }
    }

    private static void writeRepos(ModuleContext ctx, List<Object> repos, String reposDir, List<String> problems)
            throws ModuleException {
        Map<String, String[]> valid = new LinkedHashMap<>();
        for (int i = 0; i < repos.size(); i++) {
            String path = "zypper.repos[" + i + "]";
            Map<String, Object> repo = Values.asMap(path, repos.get(i));
            List<String> missing = new ArrayList<>();
            for (String k : List.of("id", "baseurl")) {
                if (!repo.containsKey(k)) {
                    missing.add(k);
                }
            }
            if (!missing.isEmpty()) {
                ctx.log().warn("Repo config at index {} is missing required config keys: {}", i, String.join(",", missing));
                problems.add(path + ": missing required keys " + String.join(",", missing));
                continue;
            }
            String id = Values.asString(path + ".id", repo.get("id"));
            String canon = id.replace(" ", "_");
            if (canon.isEmpty() || canon.contains("/") || canon.equals(".") || canon.equals("..")
                    || canon.indexOf('\0') >= 0 || canon.contains("\n")) {
                throw new ConfigException(path + ".id", "'" + id + "' cannot name a repository file");
            }
            String file = (reposDir.endsWith("/") ? reposDir : reposDir + "/") + canon + ".repo";
            if (ctx.target().exists(file)) {
                ctx.log().info("Skipping repo {}, file {} already exists!", id, file);
                continue;
            }
            if (valid.containsKey(id)) {
                ctx.log().info("Skipping repo {}, file {} already pending!", id, file);
                continue;
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : repo.entrySet()) {
                if (!e.getKey().isEmpty() && !"id".equals(e.getKey())) {
                    settings.put(e.getKey().toLowerCase(Locale.ROOT).strip().replace('-', '_'), e.getValue());
                }
            }
            settings.putIfAbsent("enabled", "1");
            settings.putIfAbsent("autorefresh", "1");
            try {
                valid.put(id, new String[] {file, render(id, settings)});
            } catch (IllegalArgumentException e) {
                throw new ConfigException(path, e.getMessage());
            }
        }
        for (String[] f : valid.values()) {
            try {
                ctx.target().writeString(f[0], f[1], FileAttributes.PUBLIC);
            } catch (IOException e) {
                throw ioFailure(f[0], e);
            }
        }
    }

    /** The repository file text in the reference's INI form: section header, indented {@code key = value} lines. */
    static String render(String id, Map<String, Object> settings) {
        List<String> lines = new ArrayList<>();
        lines.add("[" + IniValue.quote(id, false) + "]");
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            lines.add("    " + IniValue.quote(e.getKey(), false) + " = " + IniValue.quote(IniValue.format(e.getValue()), true));
        }
        return String.join("\n", lines);
    }

    private static ModuleException ioFailure(String path, IOException e) {
        return new ModuleException(NAME + ": cannot write " + path + ": " + e.getMessage(), e);
    }

    private static boolean truthy(Object v) {
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return !(v instanceof Map<?, ?> m && m.isEmpty()) && !(v instanceof List<?> l && l.isEmpty());
    }

    /** A scalar as the reference prints it ({@code True}/{@code False} for booleans). */
    private static String pythonText(String path, Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return Values.asString(path, v);
    }
}
