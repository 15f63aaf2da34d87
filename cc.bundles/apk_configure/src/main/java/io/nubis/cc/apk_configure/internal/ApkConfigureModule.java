package io.nubis.cc.apk_configure.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
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
import io.nubis.api.target.TargetRoot;

/**
 * {@code apk_configure}: writes {@code /etc/apk/repositories} from {@code apk_repos} with the
 * same text as the reference's built-in template (main, optional community, optional edge
 * testing with a warning comment on non-edge releases, optional local repository), unless
 * {@code preserve_repositories} is set or no {@code alpine_repo.version} is given.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = ApkConfigureModule.NAME, stage = "config", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, keys = {"apk_repos"}, distros = {"alpine"}, touches = Resources.PACKAGES,
        schema = "schema/apk_configure.json")
public final class ApkConfigureModule implements ConfigModule {
    static final String NAME = "apk_configure";
    static final String REPO_FILE = "/etc/apk/repositories";
    /** The reference's mirror when {@code base_url} is not given. */
    static final String DEFAULT_MIRROR = "https://alpine.global.ssl.fastly.net/alpine";
    private static final Pattern NO_NEWLINE = Pattern.compile("[^\\r\\n]*");

    /** Stateless. */
    @Activate
    public ApkConfigureModule() {
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Map<String, Object> apk = ctx.config().map("apk_repos");
        if (apk.isEmpty()) {
            ctx.log().debug("Skipping module named {}, no 'apk_repos' section found", ctx.name());
            return;
        }
        if (apk.get("preserve_repositories") != null
                && Values.asBoolean("apk_repos.preserve_repositories", apk.get("preserve_repositories"))) {
            ctx.log().debug("Skipping module named {}, 'preserve_repositories' is set", ctx.name());
            return;
        }
        Map<String, Object> repo = Values.asMap("apk_repos.alpine_repo", apk.get("alpine_repo"));
        if (repo.isEmpty()) {
            ctx.log().debug("Skipping module named {}, no 'alpine_repo' configuration found", ctx.name());
            return;
        }
        String version = line("apk_repos.alpine_repo.version", repo.get("version"));
        if (version.isEmpty()) {
            ctx.log().debug("Skipping module named {}, 'version' not specified in alpine_repo", ctx.name());
            return;
        }
        String base = repo.get("base_url") == null ? DEFAULT_MIRROR : line("apk_repos.alpine_repo.base_url", repo.get("base_url"));
        boolean community = flag(repo, "community_enabled");
        boolean testing = flag(repo, "testing_enabled");
        String local = line("apk_repos.local_repo_base_url", apk.get("local_repo_base_url"));
        String text = render(base, version, community, testing, local);
        try {
            if (writeIfChanged(ctx.target(), text)) {
                ctx.log().debug("Generated Alpine repository configuration file: {}", REPO_FILE);
            }
        } catch (IOException e) {
            throw new ModuleException(NAME + ": cannot write " + REPO_FILE + ": " + e.getMessage(), e);
        }
    }

    /** The reference template's output for these parameters. */
    static String render(String base, String version, boolean community, boolean testing, String local) {
        StringBuilder sb = new StringBuilder();
        sb.append("#\n# Created by cloud-init\n#\n# This file is written on first boot of an instance\n#\n\n");
        sb.append(base).append('/').append(version).append("/main\n");
        if (community) {
            sb.append(base).append('/').append(version).append("/community\n");
        }
        if (testing) {
            if (!"edge".equals(version)) {
                sb.append("#\n# Testing - using with non-Edge installation may cause problems!\n#\n");
            }
            sb.append(base).append("/edge/testing\n");
        }
        if (!local.isEmpty()) {
            sb.append("\n#\n# Local repo\n#\n").append(local).append('/').append(version).append('\n');
        }
        sb.append('\n');
        return sb.toString();
    }

    /** Writes the repositories file unless it already holds exactly {@code text}; true if it wrote. */
    private static boolean writeIfChanged(TargetRoot target, String text) throws IOException {
        Optional<String> old = target.readString(REPO_FILE);
        if (old.isPresent() && old.get().equals(text) && target.mode(REPO_FILE) == FileAttributes.PUBLIC.mode()) {
            return false;
        }
        target.writeString(REPO_FILE, text, FileAttributes.PUBLIC);
        return true;
    }

    private static boolean flag(Map<String, Object> repo, String key) {
        Object v = repo.get(key);
        return v != null && Values.asBoolean("apk_repos.alpine_repo." + key, v);
    }

    /** A one-line string (empty if absent): a newline would inject repository lines. */
    private static String line(String path, Object v) {
        if (v == null) {
            return "";
        }
        String s = Values.asString(path, v).strip();
        if (!NO_NEWLINE.matcher(s).matches()) {
            throw new ConfigException(path, "must be a single line");
        }
        return s;
    }
}
