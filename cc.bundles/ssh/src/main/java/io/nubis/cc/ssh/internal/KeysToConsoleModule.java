package io.nubis.cc.ssh.internal;

import io.nubis.api.config.CloudConfig;
import io.nubis.api.config.Values;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;
import io.nubis.api.module.Resources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * cc_keys_to_console: prints the host key fingerprints and the host public keys to the console,
 * in the reference's {@code write-ssh-key-fingerprints} format, computed in-process from
 * {@code /etc/ssh/ssh_host_*key.pub} (no helper script, no ssh-keygen).
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = "keys_to_console", stage = "final", frequency = Frequency.PER_INSTANCE_ID,
        idempotent = true, touches = {Resources.SSH, Resources.CONSOLE}, schema = "schema/keys_to_console.json")
public class KeysToConsoleModule implements ConfigModule {
    private static final Pattern PUB = Pattern.compile("ssh_host_.*key\\.pub");
    static final String HASHES = "#############################################################";
    /** The reference's helper pipes the fingerprints through {@code logger -t ec2}; consoles are scraped for it. */
    static final String TAG = "ec2: ";

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        CloudConfig cfg = ctx.config();
        Map<String, Object> ssh = cfg.map("ssh");
        if (ssh.containsKey("emit_keys_to_console")
                && !Values.asBoolean("ssh.emit_keys_to_console", ssh.get("emit_keys_to_console"))) {
            ctx.log().debug("Skipping module named {}, logging of SSH host keys disabled", ctx.name());
            return;
        }
        Set<String> fpSkip = new HashSet<>(cfg.strings("ssh_fp_console_blacklist"));
        Set<String> keySkip = new HashSet<>(cfg.has("ssh_key_console_blacklist")
                ? cfg.strings("ssh_key_console_blacklist") : List.of("ssh-dss"));
        List<String> errors = new ArrayList<>();
        List<String[]> keys = new ArrayList<>(); // {type, line, fingerprint line}
        try {
            for (String name : ctx.target().list("/etc/ssh")) {
                String f = "/etc/ssh/" + name;
                if (!PUB.matcher(name).matches() || ctx.target().isDirectory(f)) {
                    continue;
                }
                String text = ctx.target().readString(f).orElse("");
                String line = text.lines().findFirst().orElse("").strip();
                String type = line.split("\\s+", 2)[0];
                String fp;
                try {
                    fp = PublicKeyInfo.parse(line).fingerprintLine();
                } catch (IllegalArgumentException e) {
                    errors.add(f + ": not a public key (" + e.getMessage() + ")");
                    fp = null;
                }
                keys.add(new String[] {type, text.endsWith("\n") ? text.substring(0, text.length() - 1) : text, fp});
            }
        } catch (IOException e) {
            throw new ModuleException("keys_to_console: cannot read /etc/ssh: " + e.getMessage(), e);
        }
        ctx.console(TAG);
        ctx.console(TAG + HASHES);
        ctx.console(TAG + "-----BEGIN SSH HOST KEY FINGERPRINTS-----");
        for (String[] k : keys) {
            if (k[2] != null && !fpSkip.contains(k[0])) {
                ctx.console(TAG + k[2]);
            }
        }
        ctx.console(TAG + "-----END SSH HOST KEY FINGERPRINTS-----");
        ctx.console(TAG + HASHES);
        ctx.console("-----BEGIN SSH HOST KEY KEYS-----");
        for (String[] k : keys) {
            if (!keySkip.contains(k[0])) {
                for (String l : k[1].split("\n")) {
                    ctx.console(l);
                }
            }
        }
        ctx.console("-----END SSH HOST KEY KEYS-----");
        if (!errors.isEmpty()) {
            throw new ModuleException(String.join("; ", errors));
        }
    }
}
