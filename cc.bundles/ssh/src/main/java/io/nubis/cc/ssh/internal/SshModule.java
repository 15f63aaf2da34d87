package io.nubis.cc.ssh.internal;

import io.nubis.api.config.CloudConfig;
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
import io.nubis.api.target.TargetRoot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;

/**
 * cc_ssh: deletes the image's host keys, writes the host keys given in {@code ssh_keys} or
 * generates the missing ones (in parallel, with ssh-keygen or the JDK, see {@link HostKeyGenerator}), installs
 * authorized keys for the default user and root (with the {@code disable_root} prefix), and
 * applies {@code ssh_pwauth} (the reference does that in cc_set_passwords). sshd is restarted
 * only if its configuration changed and it is running.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "ssh", stage = "network", frequency = Frequency.PER_INSTANCE_ID, idempotent = false,
        prepares = true, touches = {Resources.SSH, Resources.USERS, Resources.HOSTNAME, Resources.CONSOLE},
        schema = "schema/ssh.json")
public class SshModule implements ConfigModule {
    /** The reference's default {@code disable_root_opts}. */
    static final String DISABLE_USER_OPTS = "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,"
            + "command=\"echo 'Please login as the user \\\"$USER\\\" rather than the user \\\"$DISABLE_USER\\\".';"
            + "echo;sleep 10;exit 142\"";
    static final List<String> DEFAULT_KEY_TYPES = List.of("rsa", "ecdsa", "ed25519");
    private static final Pattern SSH_KEYS_NAME = Pattern.compile("(rsa|ecdsa|ed25519)_(private|public|certificate)");
    private static final Pattern HOST_KEY_FILE = Pattern.compile("ssh_host_.*key.*");

    private final boolean inProcessKeys;

    /** The DS constructor: host keys in-process. */
    public SshModule() {
        this(true);
    }

    /** @param inProcessKeys false to generate every host key with ssh-keygen */
    SshModule(boolean inProcessKeys) {
        this.inProcessKeys = inProcessKeys;
    }

    /**
     * On a new instance, starts the RSA host key (the one slow key: ~1 s of ssh-keygen) at the end
     * of the local stage, into a private directory ({@link HostKeyPool}), when the system config
     * asks for generated RSA keys and the target has ssh-keygen. The run uses it unless user-data
     * gave keys or other types.
     */
    @Override
    public void prepare(ModuleContext ctx) {
        try {
            CloudConfig cfg = ctx.config();
            if (ctx.runner().planMode() || cfg.has("ssh_keys")
                    || !keyTypes(ctx, new ArrayList<>()).contains(HostKeyType.RSA)
                    || ctx.runner().which("ssh-keygen").isEmpty()
                    || !cfg.bool("ssh_deletekeys", true) && ctx.target().exists(HostKeyType.RSA.privateFile())) {
                return;
            }
            HostKeyPool.start(ctx);
        } catch (IOException | RuntimeException e) {
            ctx.log().debug("not making the RSA host key ahead of time: {}", e.getMessage());
        }
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        CloudConfig cfg = ctx.config();
        Logger log = ctx.log();
        TargetRoot target = ctx.target();
        List<String> errors = new ArrayList<>();
        boolean sshdChanged = false;
        try {
            boolean deleteKeys = cfg.bool("ssh_deletekeys", true);
            // a key made ahead of time (prepare) is taken now, used only when an RSA key is generated
            Optional<List<String>> ahead = HostKeyPool.take(ctx);
            if (cfg.has("ssh_keys")) {
                Map<String, String> given = givenKeys(cfg, errors);
                if (deleteKeys) {
                    deleteHostKeys(ctx, errors);
                }
                sshdChanged |= writeGivenKeys(ctx, given, errors);
            } else {
                List<HostKeyType> types = keyTypes(ctx, errors);
                if (deleteKeys) {
                    deleteHostKeys(ctx, errors);
                }
                generate(ctx, types, ahead, errors);
            }
        } catch (ConfigException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            errors.add("host keys: " + e.getMessage());
        }
        if (cfg.has("ssh_publish_hostkeys")) {
            log.debug("ssh_publish_hostkeys: publishing host keys to the datasource is not supported; ignored");
        }
        try {
            applyCredentials(ctx, errors);
        } catch (ConfigException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            errors.add("authorized keys: " + e.getMessage());
        }
        try {
            Optional<String> pw = PasswordAuth.sshdValue(cfg.asMap().get("ssh_pwauth"));
            if (pw.isPresent()) {
                boolean changed = SshdConfig.edit(target, c -> c.set("PasswordAuthentication", pw.get()));
                log.debug(changed ? "PasswordAuthentication set to {}" : "PasswordAuthentication already {}", pw.get());
                sshdChanged |= changed;
            } else {
                log.debug("Leaving SSH config 'PasswordAuthentication' unchanged. ssh_pwauth={}",
                        cfg.asMap().get("ssh_pwauth"));
            }
        } catch (ConfigException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            errors.add("ssh_pwauth: cannot update the sshd configuration: " + e.getMessage());
        }
        if (sshdChanged) {
            restartIfRunning(ctx, errors);
        } else {
            log.debug("sshd configuration unchanged; not restarting the SSH service");
        }
        if (!errors.isEmpty()) {
            throw new ModuleException(String.join("; ", errors));
        }
    }

    // ---- host keys ----------------------------------------------------------------------------

    /** Validates {@code ssh_keys} before anything is deleted; bad entries are reported and skipped. */
    private static Map<String, String> givenKeys(CloudConfig cfg, List<String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : cfg.map("ssh_keys").entrySet()) {
            String name = e.getKey();
            String path = "ssh_keys." + name;
            if (!SSH_KEYS_NAME.matcher(name).matches()) {
                errors.add(path + ": unsupported entry (expected rsa, ecdsa or ed25519 followed by _private, "
                        + "_public or _certificate)");
                continue;
            }
            Object v = e.getValue();
            if (!(v instanceof String s)) {
                errors.add(path + ": expected a string, got " + Values.typeName(v));
                continue;
            }
            out.put(name, s);
        }
        return out;
    }

    private static List<HostKeyType> keyTypes(ModuleContext ctx, List<String> errors) throws IOException {
        CloudConfig cfg = ctx.config();
        List<String> names = cfg.has("ssh_genkeytypes") ? cfg.strings("ssh_genkeytypes") : DEFAULT_KEY_TYPES;
        boolean fips = ctx.target().readString("/proc/sys/crypto/fips_enabled").orElse("0").strip().equals("1");
        List<HostKeyType> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<HostKeyType> t = HostKeyType.of(names.get(i));
            if (t.isEmpty()) {
                errors.add("ssh_genkeytypes[" + i + "]: unknown host key type '" + names.get(i)
                        + "' (expected rsa, ecdsa, ed25519 or dsa)");
            } else if (fips && t.get() == HostKeyType.ED25519) {
                ctx.log().debug("skipping keys that are not supported in fips mode: ed25519");
            } else if (!out.contains(t.get())) {
                out.add(t.get());
            }
        }
        return out;
    }

    /** Deletes {@code /etc/ssh/ssh_host_*key*} (the image's keys), as the reference does. */
    private static void deleteHostKeys(ModuleContext ctx, List<String> errors) throws IOException {
        for (String name : ctx.target().list("/etc/ssh")) {
            if (!HOST_KEY_FILE.matcher(name).matches()) {
                continue;
            }
            String p = "/etc/ssh/" + name;
            try {
                if (ctx.target().delete(p)) {
                    ctx.log().debug("deleted host key file {}", p);
                }
            } catch (IOException e) {
                errors.add("ssh_deletekeys: cannot delete " + p + ": " + e.getMessage());
            }
        }
    }

    private void generate(ModuleContext ctx, List<HostKeyType> types, Optional<List<String>> ahead,
            List<String> errors) throws IOException {
        TargetRoot target = ctx.target();
        boolean quiet = ctx.config().bool("ssh_quiet_keygen", false);
        String comment = "root@" + hostname(target);
        List<HostKeyType> todo = new ArrayList<>(types);
        HostKeyGenerator.Outcome installed = null;
        if (ahead.isPresent() && todo.contains(HostKeyType.RSA) && !target.exists(HostKeyType.RSA.privateFile())) {
            installed = installAhead(ctx, ahead.get(), comment);
            todo.remove(HostKeyType.RSA);
        }
        Accounts accounts = Accounts.read(target);
        // the sshd version only matters where the ssh_keys group exists; ask for it meanwhile
        CompletableFuture<int[]> version = accounts.hasGroup("ssh_keys")
                ? CompletableFuture.supplyAsync(() -> sshdVersion(ctx))
                : CompletableFuture.completedFuture(null);
        long start = System.nanoTime();
        List<HostKeyGenerator.Outcome> outcomes = new ArrayList<>(
                new HostKeyGenerator(target, ctx.runner(), ctx.log(), inProcessKeys).generate(todo, comment, quiet));
        if (installed != null) {
            outcomes.add(Math.min(types.indexOf(HostKeyType.RSA), outcomes.size()), installed);
        }
        ctx.log().debug("host keys generated in {} ms", (System.nanoTime() - start) / 1_000_000);
        int[] v = version.join();
        boolean oldSshd = v != null && (v[0] < 9);
        for (HostKeyGenerator.Outcome o : outcomes) {
            if (o.error() != null) {
                errors.add("ssh_genkeytypes: " + o.type().id() + ": " + o.error());
                continue;
            }
            ctx.log().debug("generated {} ({})", o.type().privateFile(), o.method());
            if (!quiet) {
                o.console().forEach(ctx::console);
            }
            if (oldSshd && !ctx.runner().planMode()) {
                // what sshd-keygen does for OpenSSH before 9.0 where the ssh_keys group exists
                target.chown(o.type().privateFile(), null, "ssh_keys");
                target.chmod(o.type().privateFile(), 0640);
            }
        }
    }

    /**
     * Puts the RSA key made ahead of time in place (public file first, as a crash must never leave a
     * private key without its .pub) and gives it the comment ssh-keygen would have given it now.
     */
    private static HostKeyGenerator.Outcome installAhead(ModuleContext ctx, List<String> key, String comment)
            throws IOException {
        HostKeyType t = HostKeyType.RSA;
        TargetRoot target = ctx.target();
        target.writeString(t.publicFile(), key.get(1), new io.nubis.api.target.FileAttributes(0644, "0", "0"));
        target.writeString(t.privateFile(), key.get(0), new io.nubis.api.target.FileAttributes(0600, "0", "0"));
        try {
            ctx.runner().run(Command.of("ssh-keygen", "-q", "-c", "-C", comment, "-P", "", "-f", t.privateFile())
                    .withEnv("LANG", "C"));
        } catch (CommandException e) {
            ctx.log().debug("cannot set the comment of {}: {}", t.privateFile(), e.getMessage());
        }
        PublicKeyInfo info = PublicKeyInfo.parse(target.readString(t.publicFile()).orElse(key.get(1)).strip());
        ctx.log().debug("{} made ahead of time by ssh-keygen", t.privateFile());
        return new HostKeyGenerator.Outcome(t, "ssh-keygen ahead of time", List.of(
                "Generating public/private " + t.id() + " key pair.",
                "Your identification has been saved in " + t.privateFile(),
                "Your public key has been saved in " + t.publicFile(),
                "The key fingerprint is:",
                info.sha256() + " " + comment), null);
    }

    /** The upstream OpenSSH version from {@code sshd -V}, or null when unknown (then treated as 9.0). */
    static int[] sshdVersion(ModuleContext ctx) {
        Optional<String> sshd = ctx.runner().which("sshd");
        if (sshd.isEmpty()) {
            return null;
        }
        CommandResult r;
        try {
            r = ctx.runner().run(Command.of(sshd.get(), "-V"));
        } catch (CommandException e) {
            r = e.result();
        }
        if (r == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?m)^OpenSSH_(\\d+)\\.(\\d+)").matcher(r.err() + "\n" + r.out());
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    private static String hostname(TargetRoot target) throws IOException {
        String h = target.readString("/etc/hostname").orElse("").strip();
        int nl = h.indexOf('\n');
        h = nl >= 0 ? h.substring(0, nl).strip() : h;
        return h.isEmpty() || !h.matches("[A-Za-z0-9.-]+") ? "localhost" : h;
    }

    /** Writes {@code ssh_keys}; derives missing public keys; returns whether sshd_config changed. */
    private static boolean writeGivenKeys(ModuleContext ctx, Map<String, String> given, List<String> errors)
            throws IOException {
        TargetRoot target = ctx.target();
        List<String> certs = new ArrayList<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String[] parts = e.getKey().split("_");
            HostKeyType t = HostKeyType.of(parts[0]).orElseThrow();
            String kind = parts[1];
            String file = kind.equals("private") ? t.privateFile()
                    : kind.equals("public") ? t.publicFile() : t.certificateFile();
            int mode = kind.equals("private") ? 0600 : 0644;
            target.writeString(file, e.getValue(), new io.nubis.api.target.FileAttributes(mode, "0", "0"));
            if (kind.equals("certificate")) {
                certs.add(file);
            }
        }
        boolean changed = false;
        if (!certs.isEmpty()) {
            changed = SshdConfig.edit(target, c -> {
                boolean any = false;
                for (String f : certs) {
                    any |= c.add("HostCertificate", f);
                }
                return any;
            });
        }
        for (HostKeyType t : List.of(HostKeyType.RSA, HostKeyType.ECDSA, HostKeyType.ED25519)) {
            String priv = given.get(t.id() + "_private");
            if (priv == null || given.containsKey(t.id() + "_public")) {
                continue;
            }
            try {
                derivePublic(ctx, t, priv);
            } catch (IllegalArgumentException | IOException ex) {
                errors.add("ssh_keys." + t.id() + "_private: cannot derive the public key: " + ex.getMessage());
            }
        }
        return changed;
    }

    private static void derivePublic(ModuleContext ctx, HostKeyType t, String priv) throws IOException {
        Optional<byte[]> blob = OpenSshKeys.publicBlobOf(priv);
        String line;
        if (blob.isPresent()) {
            line = OpenSshKeys.publicLine(blob.get(), "root@localhost");
        } else {
            CommandResult r;
            try {
                r = ctx.runner().run(Command.of("ssh-keygen", "-y", "-f", t.privateFile()));
            } catch (CommandException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (!r.executed()) {
                ctx.log().info("plan mode: {} would be derived from {} with ssh-keygen -y", t.publicFile(),
                        t.privateFile());
                return;
            }
            String[] f = r.out().strip().split("\\s+");
            if (f.length < 2) {
                throw new IOException("ssh-keygen -y printed no public key");
            }
            line = f[0] + " " + f[1] + " root@localhost\n";
        }
        ctx.target().writeString(t.publicFile(), line, new io.nubis.api.target.FileAttributes(0644, "0", "0"));
        ctx.log().debug("Generated a key for {} from {}", t.publicFile(), t.privateFile());
    }

    // ---- authorized keys ----------------------------------------------------------------------

    private static void applyCredentials(ModuleContext ctx, List<String> errors) throws IOException {
        CloudConfig cfg = ctx.config();
        Set<String> keys = new LinkedHashSet<>();
        if (cfg.bool("allow_public_ssh_keys", true)) {
            keys.addAll(metadataKeys(ctx.instanceData()));
        } else {
            ctx.log().debug("Skipping import of publish SSH keys per config setting: allow_public_ssh_keys=False");
        }
        if (cfg.has("ssh_authorized_keys")) {
            keys.addAll(cfg.strings("ssh_authorized_keys"));
        }
        Optional<String> user = ConfigUsers.of(cfg).defaultUser();
        boolean disableRoot = cfg.bool("disable_root", true);
        String opts = cfg.string("disable_root_opts").orElse(DISABLE_USER_OPTS);
        String prefix = disableRoot
                ? opts.replace("$USER", user.orElse("NONE")).replace("$DISABLE_USER", "root")
                : "";

        TargetRoot target = ctx.target();
        Accounts accounts = Accounts.read(target);
        AuthorizedKeys ak = new AuthorizedKeys(target,
                SshdConfig.parse(target.readString(SshdConfig.MAIN).orElse("")));
        if (user.isPresent()) {
            setup(ctx, accounts, ak, user.get(), keys, null, errors);
        }
        setup(ctx, accounts, ak, "root", keys, prefix, errors);
    }

    private static void setup(ModuleContext ctx, Accounts accounts, AuthorizedKeys ak, String name, Set<String> keys,
            String options, List<String> errors) {
        Optional<Accounts.Account> a = accounts.user(name);
        if (a.isEmpty()) {
            if (ctx.runner().planMode()) {
                // in plan mode the user is created by a recorded command that did not run
                ctx.log().info("plan mode: user '{}' is not in /etc/passwd yet; would write {} key(s) for it",
                        name, keys.size());
            } else {
                errors.add("ssh_authorized_keys: user '" + name + "' does not exist in /etc/passwd");
            }
            return;
        }
        try {
            String f = ak.setup(a.get(), accounts.groupName(a.get().gid()), keys, options);
            ctx.log().debug("wrote {} key(s) for {} to {}", keys.size(), name, f);
        } catch (IOException e) {
            errors.add("ssh_authorized_keys: " + name + ": " + e.getMessage());
        }
    }

    /** {@code v1.public_ssh_keys} of the instance data (a list, a string of lines, or a mapping of them). */
    static List<String> metadataKeys(Map<String, Object> instanceData) {
        Object v1 = instanceData.get("v1");
        Object keys = v1 instanceof Map<?, ?> m ? m.get("public_ssh_keys") : null;
        List<String> out = new ArrayList<>();
        addKeys(keys, out);
        return out;
    }

    private static void addKeys(Object v, List<String> out) {
        if (v instanceof String s) {
            for (String line : s.split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        } else if (v instanceof List<?> l) {
            for (Object o : l) {
                addKeys(o, out);
            }
        } else if (v instanceof Map<?, ?> m) {
            for (Object o : m.values()) {
                addKeys(o, out);
            }
        }
    }

    // ---- service ------------------------------------------------------------------------------

    private static void restartIfRunning(ModuleContext ctx, List<String> errors) {
        String service = ctx.distro().profile().serviceName("ssh");
        try {
            ctx.runner().run(ctx.distro().initSystem().isActive(service));
        } catch (CommandException e) {
            ctx.log().debug("sshd configuration changed; SSH service '{}' is not running, not restarting it", service);
            return;
        }
        try {
            ctx.runner().run(ctx.distro().initSystem().restart(service));
            ctx.log().debug("Restarted the SSH daemon.");
        } catch (CommandException e) {
            errors.add("ssh: restarting the SSH service '" + service + "' failed: " + e.getMessage());
        }
    }
}
