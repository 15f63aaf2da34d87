package io.nubis.cc.apt_configure.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import io.nubis.api.target.FileAttributes;

/**
 * {@code apt_configure}: the core of the reference's module. In order: {@code debconf_selections}
 * through {@code debconf-set-selections}; unless {@code preserve_sources_list}, the keys of the
 * primary/security mirror entries and either {@code sources_list} rendered to
 * {@code /etc/apt/sources.list} or, without it, the distro's default mirrors replaced by the
 * configured ones in {@code sources.list} and {@code sources.list.d/{debian,ubuntu}.sources};
 * proxy settings to {@code 90cloud-init-aptproxy} and {@code conf} to {@code 94cloud-init-config}
 * (each removed when not configured); then every {@code sources} entry: its key (armored
 * {@code key} written as {@code .asc}, or {@code keyid} fetched from {@code keyserver} with gpg),
 * and its line appended to {@code sources.list.d/<name>.list} (or given to
 * {@code add-apt-repository} when it matches {@code add_apt_repo_match}). When sources or keys
 * changed, the package index is refreshed and the {@code update_sources} semaphore recorded.
 * Files are only written when their content changes, so reruns change nothing.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = AptConfigureModule.NAME, stage = "config", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, distros = {"ubuntu", "debian"}, touches = Resources.PACKAGES,
        schema = "schema/apt_configure.json")
public final class AptConfigureModule implements ConfigModule {
    static final String NAME = "apt_configure";
    static final String PROXY_FILE = "/etc/apt/apt.conf.d/90cloud-init-aptproxy";
    static final String CONFIG_FILE = "/etc/apt/apt.conf.d/94cloud-init-config";
    static final String SOURCES_LIST = "/etc/apt/sources.list";
    static final String SOURCES_DIR = "/etc/apt/sources.list.d/";
    static final String TRUSTED_DIR = "/etc/apt/trusted.gpg.d/";
    static final String SIGNED_BY_DIR = "/etc/apt/cloud-init.gpg.d/";
    static final String DEFAULT_KEYSERVER = "keyserver.ubuntu.com";
    static final String ADD_APT_REPO_MATCH = "^[\\w-]+:\\w";
    /** The per-instance semaphore package_update_upgrade_install also records after a refresh. */
    static final String UPDATE_SEMAPHORE = "update_sources";
    static final List<String> DEB822_DEFAULTS = List.of(SOURCES_DIR + "debian.sources", SOURCES_DIR + "ubuntu.sources");
    private static final Pattern KEYID = Pattern.compile("(0[xX])?[0-9A-Fa-f ]{8,}");
    private static final Pattern KEYSERVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.:/\\[\\]_-]*");
    private static final Pattern FILE_STEM = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final String ARMOR_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String ARMOR_END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final String[][] PROXIES = {
        {"proxy", "Acquire::http::Proxy \"%s\";"},
        {"http_proxy", "Acquire::http::Proxy \"%s\";"},
        {"ftp_proxy", "Acquire::ftp::Proxy \"%s\";"},
        {"https_proxy", "Acquire::https::Proxy \"%s\";"},
    };

    private final Predicate<String> resolves;

    /** Mirror {@code search} candidates are checked with the system resolver. */
    @Activate
    public AptConfigureModule() {
        this(AptConfigureModule::resolvable);
    }

    /** With another host check, for tests. */
    AptConfigureModule(Predicate<String> resolves) {
        this.resolves = resolves;
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Map<String, Object> apt = ctx.config().map("apt");
        boolean changedSources = false;
        applyDebconf(ctx, apt);
        Map<String, String> os = osRelease(ctx);
        String release = os.get("VERSION_CODENAME");
        String arch = arch(ctx);
        AptMirrors mirrors = AptMirrors.find(apt, Support.systemInfo(ctx), arch, resolves, ctx.log());
        ctx.log().debug("Apt Mirror info: primary={} security={}", mirrors.primary(), mirrors.security());
        Map<String, String> params = new HashMap<>();
        params.put("RELEASE", release);
        params.put("codename", release);
        params.put("MIRROR", mirrors.primary());
        params.put("PRIMARY", mirrors.primary());
        params.put("SECURITY", mirrors.security());
        params.put("mirror", mirrors.primary());
        params.put("primary", mirrors.primary());
        params.put("security", mirrors.security());

        boolean preserve = apt.get("preserve_sources_list") != null
                && Values.asBoolean("apt.preserve_sources_list", apt.get("preserve_sources_list"));
        if (!preserve && !apt.isEmpty()) {
            for (String type : List.of("primary", "security")) {
                List<Object> entries = Values.asList("apt." + type, apt.get(type));
                for (int i = 0; i < entries.size(); i++) {
                    String path = "apt." + type + "[" + i + "]";
                    String k = addKey(ctx, Values.asMap(path, entries.get(i)), path, type, false);
                    changedSources |= k != null && !k.startsWith("=");
                }
            }
            changedSources |= writeSourcesList(ctx, apt, mirrors, params, release);
        }
        applyAptConfig(ctx, apt);
        if (apt.get("sources") != null) {
            changedSources |= addSources(ctx, apt, params);
        }
        if (changedSources) {
            refresh(ctx);
        }
    }

    // ---- debconf --------------------------------------------------------------------------------

    private static void applyDebconf(ModuleContext ctx, Map<String, Object> apt) throws ModuleException {
        Map<String, Object> sets = Values.asMap("apt.debconf_selections", apt.get("debconf_selections"));
        if (sets.isEmpty()) {
            ctx.log().debug("debconf_selections was not set in config");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(sets).entrySet()) {
            parts.add(Values.asString("apt.debconf_selections." + e.getKey(), e.getValue()));
        }
        String selections = String.join("\n", parts);
        if (!selections.endsWith("\n")) {
            selections += "\n";
        }
        String applied = ctx.instanceDir() + "/apt-debconf-selections";
        try {
            if (ctx.target().readString(applied).filter(selections::equals).isPresent()) {
                ctx.log().debug("debconf selections unchanged since they were last applied");
                return;
            }
            CommandResult r = ctx.runner().run(Command.of("debconf-set-selections")
                    .withStdin(selections.getBytes(StandardCharsets.UTF_8)).asSensitive());
            if (r.executed()) {
                ctx.target().writeString(applied, selections, FileAttributes.PRIVATE);
            }
        } catch (CommandException e) {
            throw new ModuleException("apt.debconf_selections: debconf-set-selections failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw Support.ioFailure("apt.debconf_selections", applied, e);
        }
    }

    // ---- sources.list ---------------------------------------------------------------------------

    private static boolean writeSourcesList(ModuleContext ctx, Map<String, Object> apt, AptMirrors mirrors,
            Map<String, String> params, String release) throws ModuleException {
        Set<String> disabled = new LinkedHashSet<>();
        List<Object> suites = Values.asList("apt.disable_suites", apt.get("disable_suites"));
        for (int i = 0; i < suites.size(); i++) {
            String path = "apt.disable_suites[" + i + "]";
            disabled.add(AptTemplate.render(path, AptSourcesText.mapKnownSuite(Values.asString(path, suites.get(i))), params));
        }
        boolean changed = false;
        try {
            if (apt.get("sources_list") != null) {
                String tmpl = Values.asString("apt.sources_list", apt.get("sources_list"));
                String rendered = AptTemplate.render("apt.sources_list", tmpl, params);
                String text = AptSourcesText.oneLine(rendered, Map.of(), disabled);
                return Support.writeIfChanged(ctx.target(), SOURCES_LIST, text, FileAttributes.PUBLIC);
            }
            Map<String, String> replace = new HashMap<>();
            if (mirrors.configured()) {
                if (mirrors.defaultPrimary() != null && mirrors.primary() != null) {
                    replace.put(AptMirrors.normalise(mirrors.defaultPrimary()), mirrors.primary());
                }
                if (mirrors.defaultSecurity() != null && mirrors.security() != null
                        && !replace.containsKey(AptMirrors.normalise(mirrors.defaultSecurity()))) {
                    replace.put(AptMirrors.normalise(mirrors.defaultSecurity()), mirrors.security());
                }
                if (replace.isEmpty()) {
                    ctx.log().warn("apt: no default mirror known (system_info.package_mirrors); sources are not rewritten");
                }
            }
            if (replace.isEmpty() && disabled.isEmpty()) {
                ctx.log().debug("No sources_list template and no mirror or suite change: apt sources left as they are");
                return false;
            }
            Optional<String> list = ctx.target().readString(SOURCES_LIST);
            if (list.isPresent()) {
                changed |= Support.writeIfChanged(ctx.target(), SOURCES_LIST,
                        AptSourcesText.oneLine(list.get(), replace, disabled), FileAttributes.mode(ctx.target().mode(SOURCES_LIST)));
            }
            for (String f : DEB822_DEFAULTS) {
                Optional<String> text = ctx.target().readString(f);
                if (text.isPresent()) {
                    changed |= Support.writeIfChanged(ctx.target(), f,
                            AptSourcesText.deb822(text.get(), replace, disabled), FileAttributes.mode(ctx.target().mode(f)));
                }
            }
            if (list.isEmpty() && DEB822_DEFAULTS.stream().noneMatch(ctx.target()::exists)) {
                ctx.log().warn("apt: neither {} nor a deb822 default sources file exists; no mirror to replace", SOURCES_LIST);
            }
        } catch (IOException e) {
            throw Support.ioFailure("apt", SOURCES_LIST, e);
        }
        ctx.log().debug("apt sources for release {} {}", release, changed ? "rewritten" : "unchanged");
        return changed;
    }

    // ---- proxy and conf ------------------------------------------------------------------------

    private static void applyAptConfig(ModuleContext ctx, Map<String, Object> apt) throws ModuleException {
        List<String> lines = new ArrayList<>();
        boolean secret = false;
        for (String[] p : PROXIES) {
            Object v = apt.get(p[0]);
            if (v == null || (v instanceof String s && s.isEmpty())) {
                continue;
            }
            String url = Values.asString("apt." + p[0], v);
            if (url.contains("\"") || url.contains("\n") || url.contains(";")) {
                throw new ConfigException("apt." + p[0], "a proxy URL may not contain quotes, ';' or newlines");
            }
            secret |= url.contains("@");
            lines.add(String.format(p[1], url));
        }
        try {
            if (!lines.isEmpty()) {
                // a proxy URL with credentials stays readable by root only
                Support.writeIfChanged(ctx.target(), PROXY_FILE, String.join("\n", lines) + "\n",
                        secret ? FileAttributes.PRIVATE : FileAttributes.PUBLIC);
            } else if (Support.deleteIfPresent(ctx.target(), PROXY_FILE)) {
                ctx.log().debug("no apt proxy configured, removed {}", PROXY_FILE);
            }
            Object conf = apt.get("conf");
            if (conf != null && !(conf instanceof String s && s.isEmpty())) {
                Support.writeIfChanged(ctx.target(), CONFIG_FILE, Values.asString("apt.conf", conf), FileAttributes.PUBLIC);
            } else if (Support.deleteIfPresent(ctx.target(), CONFIG_FILE)) {
                ctx.log().debug("no apt config configured, removed {}", CONFIG_FILE);
            }
        } catch (IOException e) {
            throw Support.ioFailure("apt", PROXY_FILE + " or " + CONFIG_FILE, e);
        }
    }

    // ---- sources --------------------------------------------------------------------------------

    private boolean addSources(ModuleContext ctx, Map<String, Object> apt, Map<String, String> params)
            throws ModuleException {
        Map<String, Object> sources = Values.asMap("apt.sources", apt.get("sources"));
        Pattern matcher = null;
        Object matchCfg = apt.containsKey("add_apt_repo_match") ? apt.get("add_apt_repo_match") : ADD_APT_REPO_MATCH;
        if (matchCfg != null && !(matchCfg instanceof String s && s.isEmpty())) {
            try {
                matcher = Pattern.compile(Values.asString("apt.add_apt_repo_match", matchCfg));
            } catch (PatternSyntaxException e) {
                throw new ConfigException("apt.add_apt_repo_match", "not a regular expression: " + e.getDescription());
            }
        }
        Map<String, List<String>> appendLines = new LinkedHashMap<>();
        Map<String, List<String>> replaceLines = new LinkedHashMap<>();
        boolean changed = false;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : sources.entrySet()) {
            String path = "apt.sources." + e.getKey();
            try {
                Map<String, Object> ent = Values.asMap(path, e.getValue());
                String filename = ent.get("filename") == null ? e.getKey()
                        : Values.asString(path + ".filename", ent.get("filename"));
                String source = ent.get("source") == null ? null : Values.asString(path + ".source", ent.get("source"));
                Map<String, String> p = new HashMap<>(params);
                boolean signedBy = source != null && source.contains("$KEY_FILE");
                String keyFile = addKey(ctx, ent, path, filename, signedBy);
                if (keyFile != null) {
                    changed |= !keyFile.startsWith("=");
                    p.put("KEY_FILE", keyFile.startsWith("=") ? keyFile.substring(1) : keyFile);
                } else if (signedBy) {
                    throw new ConfigException(path + ".source", "uses $KEY_FILE but the entry has no key or keyid");
                }
                if (source == null) {
                    continue;
                }
                String rendered = AptTemplate.render(path + ".source", source, p).strip();
                if (rendered.contains("\n")) {
                    throw new ConfigException(path + ".source", "must be a single sources.list line");
                }
                if (matcher != null && matcher.matcher(rendered).find()) {
                    ctx.runner().run(Command.of("add-apt-repository", "--no-update", rendered));
                    changed = true;
                    continue;
                }
                String file = sourceFile(path + ".filename", filename);
                boolean append = ent.get("append") == null || Values.asBoolean(path + ".append", ent.get("append"));
                (append ? appendLines : replaceLines).computeIfAbsent(file, k -> new ArrayList<>()).add(rendered);
            } catch (ConfigException | ModuleException ex) {
                problems.add(ex.getMessage());
            } catch (CommandException ex) {
                problems.add(path + ".source: add-apt-repository failed: " + ex.getMessage());
            }
        }
        try {
            for (Map.Entry<String, List<String>> f : replaceLines.entrySet()) {
                List<String> lines = new ArrayList<>(f.getValue());
                lines.addAll(appendLines.getOrDefault(f.getKey(), List.of()));
                appendLines.remove(f.getKey());
                changed |= Support.writeIfChanged(ctx.target(), f.getKey(), String.join("\n", lines) + "\n",
                        FileAttributes.PUBLIC);
            }
            for (Map.Entry<String, List<String>> f : appendLines.entrySet()) {
                String old = ctx.target().readString(f.getKey()).orElse("");
                List<String> present = List.of(old.split("\n"));
                StringBuilder add = new StringBuilder();
                for (String line : f.getValue()) {
                    if (!present.contains(line) && add.indexOf(line + "\n") < 0) {
                        add.append(line).append('\n');
                    }
                }
                if (add.length() > 0) {
                    String sep = old.isEmpty() || old.endsWith("\n") ? "" : "\n";
                    int mode = ctx.target().exists(f.getKey()) ? ctx.target().mode(f.getKey()) : 0644;
                    ctx.target().writeString(f.getKey(), old + sep + add, FileAttributes.mode(mode));
                    changed = true;
                }
            }
        } catch (IOException e) {
            throw Support.ioFailure("apt.sources", SOURCES_DIR, e);
        }
        if (!problems.isEmpty()) {
            if (changed) {
                refresh(ctx);
            }
            throw new ModuleException(String.join("; ", problems));
        }
        return changed;
    }

    /** {@code sources.list.d/<name>.list}, or an absolute path below {@code /etc/apt/}. */
    static String sourceFile(String path, String filename) {
        String f = filename.startsWith("/") ? filename : SOURCES_DIR + filename;
        if (!f.endsWith(".list")) {
            f += ".list";
        }
        if (!f.startsWith("/etc/apt/") || f.contains("/../") || f.contains("/./") || f.indexOf('\0') >= 0
                || f.contains("\n")) {
            throw new ConfigException(path, "'" + filename + "' must name a file below /etc/apt/");
        }
        return f;
    }

    /**
     * Installs an entry's key, if it has one: {@code key} (armored) is written as
     * {@code <dir>/<stem>.asc}; {@code keyid} without {@code key} is fetched from
     * {@code keyserver}. Returns the key file, prefixed with {@code =} when it was already in
     * place, or null when the entry has no key.
     */
    private static String addKey(ModuleContext ctx, Map<String, Object> ent, String path, String fileName,
            boolean signedBy) throws ModuleException {
        if (ent.get("key") == null && ent.get("keyid") == null) {
            return null;
        }
        String stem = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = stem.lastIndexOf('.');
        if (dot > 0) {
            stem = stem.substring(0, dot);
        }
        if (!FILE_STEM.matcher(stem).matches()) {
            throw new ConfigException(path + ".filename", "'" + fileName + "' cannot name a key file");
        }
        String keyFile = (signedBy ? SIGNED_BY_DIR : TRUSTED_DIR) + stem + ".asc";
        String key;
        if (ent.get("key") != null) {
            key = Values.asString(path + ".key", ent.get("key"));
        } else {
            if (ctx.target().exists(keyFile)) {
                ctx.log().debug("{}: key file {} already present; keyid not fetched again", path, keyFile);
                return "=" + keyFile;
            }
            key = fetchKey(ctx, ent, path);
            if (key == null) {
                return "=" + keyFile;
            }
        }
        String armored = armored(path + ".key", key);
        try {
            return Support.writeIfChanged(ctx.target(), keyFile, armored, FileAttributes.PUBLIC) ? keyFile : "=" + keyFile;
        } catch (IOException e) {
            throw Support.ioFailure(path + ".key", keyFile, e);
        }
    }

    /** Checks that a key is one ASCII-armored public key block; normalises the trailing newline. */
    static String armored(String path, String key) {
        String k = key.strip();
        if (!k.startsWith(ARMOR_BEGIN) || !k.endsWith(ARMOR_END)) {
            throw new ConfigException(path, "expected an ASCII-armored public key ('" + ARMOR_BEGIN
                    + "' ... '" + ARMOR_END + "'); binary or other key formats are not supported");
        }
        if (k.indexOf(ARMOR_BEGIN, 1) >= 0 || k.contains("PRIVATE KEY")) {
            throw new ConfigException(path, "must hold exactly one public key block");
        }
        return k + "\n";
    }

    /**
     * Fetches a key by id with gpg in a throw-away home directory inside the target (this needs
     * network access to the key server). Null in plan mode, where nothing is fetched.
     */
    private static String fetchKey(ModuleContext ctx, Map<String, Object> ent, String path) throws ModuleException {
        String keyid = Values.asString(path + ".keyid", ent.get("keyid")).strip();
        if (!KEYID.matcher(keyid).matches()) {
            throw new ConfigException(path + ".keyid", "'" + keyid + "' is not a key id or fingerprint (hex digits)");
        }
        keyid = keyid.replace(" ", "");
        String server = ent.get("keyserver") == null ? DEFAULT_KEYSERVER
                : Values.asString(path + ".keyserver", ent.get("keyserver")).strip();
        if (!KEYSERVER.matcher(server).matches()) {
            throw new ConfigException(path + ".keyserver", "'" + server + "' is not a key server name or URL");
        }
        String home = "/tmp/nubis-apt-gpg-" + UUID.randomUUID();
        try {
            ctx.target().mkdirs(home, 0700);
            ctx.runner().run(Command.of("gpg", "--homedir", home, "--batch", "--no-tty", "--keyserver", server,
                    "--recv-keys", keyid));
            CommandResult out = ctx.runner().run(Command.of("gpg", "--homedir", home, "--batch", "--export",
                    "--armor", keyid));
            if (!out.executed()) {
                ctx.log().info("{}: plan mode, key {} not fetched from {}", path, keyid, server);
                return null;
            }
            if (out.out().isBlank()) {
                throw new ModuleException(path + ".keyid: key " + keyid + " not found on " + server);
            }
            return out.out();
        } catch (CommandException e) {
            throw new ModuleException(path + ".keyid: cannot fetch key " + keyid + " from " + server + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw Support.ioFailure(path + ".keyid", home, e);
        } finally {
            try {
                ctx.target().deleteTree(home);
            } catch (IOException e) {
                ctx.log().warn("cannot remove temporary gpg home {}: {}", home, e.getMessage());
            }
        }
    }

    // ---- environment ----------------------------------------------------------------------------

    /** {@code /etc/os-release} of the target as a map (quotes removed). */
    static Map<String, String> osRelease(ModuleContext ctx) throws ModuleException {
        Map<String, String> out = new HashMap<>();
        try {
            String text = ctx.target().readString("/etc/os-release")
                    .or(() -> read(ctx, "/usr/lib/os-release")).orElse("");
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0 || line.startsWith("#")) {
                    continue;
                }
                String v = line.substring(eq + 1).strip();
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                out.put(line.substring(0, eq).strip(), v);
            }
        } catch (IOException e) {
            throw new ModuleException("apt: cannot read /etc/os-release: " + e.getMessage(), e);
        }
        if (out.get("VERSION_CODENAME") != null && out.get("VERSION_CODENAME").isEmpty()) {
            out.remove("VERSION_CODENAME");
        }
        return out;
    }

    private static Optional<String> read(ModuleContext ctx, String path) {
        try {
            return ctx.target().readString(path);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The dpkg architecture, or null in plan mode or when dpkg cannot say. */
    private static String arch(ModuleContext ctx) {
        try {
            CommandResult r = ctx.runner().run(Command.of("dpkg", "--print-architecture"));
            String a = r.out().strip();
            return r.executed() && !a.isEmpty() ? a : null;
        } catch (CommandException e) {
            ctx.log().warn("cannot get the dpkg architecture: {}", e.getMessage());
            return null;
        }
    }

    /** Refreshes the package index and records the per-instance {@code update_sources} semaphore. */
    private static void refresh(ModuleContext ctx) throws ModuleException {
        try {
            ctx.runner().run(ctx.distro().packages().update());
        } catch (CommandException e) {
            throw new ModuleException("apt: package index refresh after changing sources failed: " + e.getMessage(), e);
        }
        String sem = ctx.instanceDir() + "/sem/" + UPDATE_SEMAPHORE;
        if (ctx.runner().planMode()) {
            ctx.log().info("plan mode: the package index was not refreshed, {} is not written", sem);
            return;
        }
        try {
            String stamp = Support.semaphoreStamp();
            ctx.target().writeString(sem, stamp, FileAttributes.PUBLIC);
        } catch (IOException e) {
            throw Support.ioFailure("apt", sem, e);
        }
    }

    private static boolean resolvable(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
