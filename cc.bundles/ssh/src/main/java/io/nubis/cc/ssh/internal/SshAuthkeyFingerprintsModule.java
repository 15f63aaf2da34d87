package io.nubis.cc.ssh.internal;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * cc_ssh_authkey_fingerprints: prints to the console, for every configured user with a home, a
 * table of the keys in the user's authorized_keys files and their fingerprints (hex digest with
 * colons, {@code authkey_hash}, sha256 by default). Reads only.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "ssh_authkey_fingerprints", stage = "final", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, touches = {Resources.USERS, Resources.SSH, Resources.CONSOLE},
        schema = "schema/ssh_authkey_fingerprints.json")
public class SshAuthkeyFingerprintsModule implements ConfigModule {
    static final String PREFIX = "ci-info: ";

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        CloudConfig cfg = ctx.config();
        if (cfg.bool("no_ssh_fingerprints", false)) {
            ctx.log().debug("Skipping module named {}, logging of SSH fingerprints disabled", ctx.name());
            return;
        }
        String hash = cfg.string("authkey_hash").orElse("sha256");
        String algorithm = javaDigest(hash);
        List<String> errors = new ArrayList<>();
        try {
            Accounts accounts = Accounts.read(ctx.target());
            AuthorizedKeys ak = new AuthorizedKeys(ctx.target(),
                    SshdConfig.parse(ctx.target().readString(SshdConfig.MAIN).orElse("")));
            for (ConfigUsers.User u : ConfigUsers.of(cfg).all()) {
                if (u.noHome()) {
                    ctx.log().debug("Skipping printing of ssh fingerprints for user '{}' because no home directory "
                            + "is created", u.name());
                    continue;
                }
                Optional<Accounts.Account> a = accounts.user(u.name());
                if (a.isEmpty()) {
                    if (ctx.runner().planMode()) {
                        ctx.log().info("plan mode: user '{}' is not in /etc/passwd yet; no fingerprints", u.name());
                    } else {
                        errors.add("users: user '" + u.name() + "' does not exist in /etc/passwd");
                    }
                    continue;
                }
                print(ctx, u.name(), ak.fileFor(a.get()), ak.read(a.get()), hash, algorithm);
            }
        } catch (IOException e) {
            errors.add("cannot read authorized keys: " + e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new ModuleException(String.join("; ", errors));
        }
    }

    /** The JDK digest for a Python hashlib name (md5, sha1, sha256, sha512, sha3_256...). */
    static String javaDigest(String hash) throws ModuleException {
        String h = hash.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        String name;
        if (h.startsWith("sha3")) {
            name = "SHA3-" + h.substring(4);
        } else if (h.startsWith("sha")) {
            name = "SHA-" + h.substring(3);
        } else {
            name = h.toUpperCase(Locale.ROOT);
        }
        try {
            java.security.MessageDigest.getInstance(name);
            return name;
        } catch (NoSuchAlgorithmException e) {
            throw new ModuleException("authkey_hash: unknown hash '" + hash + "'");
        }
    }

    static void print(ModuleContext ctx, String user, String file, List<AuthKeyLine> entries, String hash,
            String algorithm) {
        if (entries.isEmpty()) {
            ctx.console(PREFIX + "no authorized SSH keys fingerprints found for user " + user + ".");
            return;
        }
        TextTable t = new TextTable(List.of("Keytype", "Fingerprint (" + hash + ")", "Options", "Comment"));
        for (AuthKeyLine e : entries) {
            if (!e.valid() || !AuthKeyLine.VALID_KEY_TYPES.contains(e.keytype().strip().toLowerCase(Locale.ROOT))) {
                continue;
            }
            t.add(List.of(e.keytype(), orDash(fingerprint(e.base64(), algorithm)), orDash(e.options()),
                    orDash(e.comment())));
        }
        List<String> lines = t.lines();
        int max = 0;
        for (String l : lines) {
            max = Math.max(max, l.length());
        }
        ctx.console(PREFIX + TextTable.formatCenter("Authorized keys from " + file + " for user " + user, max, '+'));
        for (String l : lines) {
            ctx.console(PREFIX + l);
        }
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** The reference's {@code _gen_fingerprint}: hex digest of the key bytes with colons; "?" if not base64. */
    static String fingerprint(String b64, String algorithm) {
        if (b64 == null || b64.isEmpty()) {
            return "";
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            return "?";
        }
        try {
            return PublicKeyInfo.hexColons(algorithm, raw);
        } catch (NoSuchAlgorithmException e) {
            return "?";
        }
    }
}
