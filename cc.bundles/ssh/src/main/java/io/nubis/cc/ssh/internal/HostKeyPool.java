package io.nubis.cc.ssh.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;

/**
 * The RSA host key made ahead of time: {@link SshModule#prepare} has ssh-keygen write it into a
 * private directory under the run directory ({@value #DIR}, 0700) while the boot goes on (the
 * network stage may be seconds away), and the module's run takes it from there when it is
 * complete, else makes its own. Either way the directory is removed when the module runs; on a
 * reboot before that, the run directory is emptied by the OS or by init-local.
 */
final class HostKeyPool {
    /** The directory's name in the run directory. */
    static final String DIR = "nubis-ssh-hostkeys";
    private static final String KEY = "ssh_host_rsa_key";
    private static final String READY = "ready";
    /** Generations this process started, by target root and directory, so the run waits for them. */
    private static final Map<String, CompletableFuture<Void>> STARTED = new ConcurrentHashMap<>();

    private HostKeyPool() {
    }

    static String dir(ModuleContext ctx) {
        return ctx.distro().layout().runDir() + "/" + DIR;
    }

    /** Starts ssh-keygen for an RSA key in the background; returns at once. */
    static void start(ModuleContext ctx) throws IOException {
        TargetRoot t = ctx.target();
        String dir = dir(ctx);
        t.deleteTree(dir);
        t.mkdirs(dir, 0700);
        t.chmod(dir, 0700);
        Command keygen = Command.of(List.of("ssh-keygen", "-q", "-t", "rsa", "-N", "", "-f", dir + "/" + KEY))
                .withEnv("LANG", "C");
        CompletableFuture<Void> f = new CompletableFuture<>();
        STARTED.put(key(t, dir), f);
        Thread th = new Thread(() -> {
            try {
                ctx.runner().run(keygen);
                t.writeString(dir + "/" + READY, "", new FileAttributes(0600, "0", "0"));
                ctx.log().debug("RSA host key made ahead of time in {}", dir);
            } catch (CommandException | IOException | RuntimeException e) {
                ctx.log().debug("making the RSA host key ahead of time failed: {}", e.getMessage());
            } finally {
                f.complete(null);
            }
        }, "nubis-ssh-hostkey-ahead");
        th.setDaemon(true);
        th.start();
    }

    /**
     * The key made ahead of time, as private and public key text, waiting for a generation this
     * process started; empty if there is none or it did not complete. Removes the directory.
     */
    static Optional<List<String>> take(ModuleContext ctx) throws IOException {
        TargetRoot t = ctx.target();
        String dir = dir(ctx);
        CompletableFuture<Void> f = STARTED.remove(key(t, dir));
        if (f != null) {
            f.join();
        }
        if (!t.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            Optional<String> priv = t.readString(dir + "/" + KEY);
            Optional<String> pub = t.readString(dir + "/" + KEY + ".pub");
            if (!t.exists(dir + "/" + READY) || priv.isEmpty() || pub.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(List.of(priv.get(), pub.get()));
        } finally {
            t.deleteTree(dir);
        }
    }

    private static String key(TargetRoot t, String dir) {
        return t.root() + "!" + dir;
    }
}
