package io.nubis.cc.ssh.internal;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.api.target.FileAttributes;
import io.nubis.api.target.TargetRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;

/**
 * Generates missing host keys, all types at once: each type on its own thread, with
 * {@code ssh-keygen} through the (thread-safe) command runner, or in-process with the JDK
 * ({@link OpenSshKeys}) where the target has no ssh-keygen. Existing key files are kept, as the reference does.
 */
final class HostKeyGenerator {
    /** What happened to one key type; {@code error} is null on success. */
    record Outcome(HostKeyType type, String method, List<String> console, String error) {
    }

    private final TargetRoot target;
    private final CommandRunner runner;
    private final Logger log;
    private final boolean inProcess;

    /**
     * @param inProcess false forces ssh-keygen for every type (used to compare both ways)
     */
    HostKeyGenerator(TargetRoot target, CommandRunner runner, Logger log, boolean inProcess) {
        this.target = target;
        this.runner = runner;
        this.log = log;
        this.inProcess = inProcess;
    }

    /**
     * Generates every type whose private key file is absent, concurrently (one after the other in
     * plan mode), and returns the outcomes in the order asked. Private keys are 0600 and public
     * keys 0644, owned by root.
     */
    List<Outcome> generate(List<HostKeyType> types, String comment, boolean quiet)
            throws IOException {
        List<HostKeyType> todo = new ArrayList<>();
        for (HostKeyType t : types) {
            if (target.exists(t.privateFile())) {
                log.debug("{} exists, not generating a {} key", t.privateFile(), t.id());
            } else if (!todo.contains(t)) {
                todo.add(t);
            }
        }
        if (todo.isEmpty()) {
            return List.of();
        }
        target.mkdirs("/etc/ssh", 0755);
        if (runner.planMode()) {
            // nothing runs: one after the other keeps the plan's record of commands in key order
            List<Outcome> out = new ArrayList<>();
            for (HostKeyType t : todo) {
                out.add(one(t, comment, quiet));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(todo.size(), r -> {
            Thread th = new Thread(r, "nubis-ssh-keygen");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (HostKeyType t : todo) {
                futures.add(CompletableFuture.supplyAsync(() -> one(t, comment, quiet), pool));
            }
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < todo.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new Outcome(todo.get(i), "-", List.of(), String.valueOf(e.getCause())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while generating host keys", e);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * ssh-keygen when the target has it: run in parallel it takes ~5 ms for an ed25519 or ECDSA
     * key and ~0.9 s for RSA-3072, while the JDK under the start-up tuning (C1 only) took 0.1,
     * 0.4 and 1.7 s (bench/RESULTS.md). The JDK makes the keys only where ssh-keygen is missing.
     */
    private Outcome one(HostKeyType t, String comment, boolean quiet) {
        if (inProcess && t.inProcess() && runner.which("ssh-keygen").isEmpty()) {
            try {
                return jdk(t, comment);
            } catch (GeneralSecurityException e) {
                log.info("cannot generate a {} host key in-process ({}); using ssh-keygen", t.id(), e.getMessage());
            } catch (IOException e) {
                return new Outcome(t, "in-process", List.of(), "cannot write " + t.privateFile() + ": " + e.getMessage());
            }
        }
        return sshKeygen(t, quiet);
    }

    private Outcome jdk(HostKeyType t, String comment) throws GeneralSecurityException, IOException {
        long start = System.nanoTime();
        OpenSshKeys.KeyFiles kf = OpenSshKeys.generate(t, comment, new SecureRandom());
        // public first: a private key without its .pub is what a crash must never leave behind
        target.writeString(t.publicFile(), kf.publicLine(), new FileAttributes(0644, "0", "0"));
        target.writeString(t.privateFile(), kf.privateKey(), new FileAttributes(0600, "0", "0"));
        log.debug("generated {} in-process in {} ms", t.privateFile(), (System.nanoTime() - start) / 1_000_000);
        PublicKeyInfo info = PublicKeyInfo.parse(kf.publicLine());
        List<String> console = List.of(
                "Generating public/private " + t.id() + " key pair.",
                "Your identification has been saved in " + t.privateFile(),
                "Your public key has been saved in " + t.publicFile(),
                "The key fingerprint is:",
                info.sha256() + " " + comment);
        return new Outcome(t, "in-process", console, null);
    }

    private Outcome sshKeygen(HostKeyType t, boolean quiet) {
        List<String> argv = new ArrayList<>(List.of("ssh-keygen"));
        if (quiet) {
            argv.add("-q");
        }
        argv.addAll(List.of("-t", t.id(), "-N", "", "-f", t.privateFile()));
        Command c = Command.of(argv).withEnv("LANG", "C");
        CommandResult r;
        try {
            r = runner.run(c);
        } catch (CommandException e) {
            CommandResult res = e.result();
            String err = res == null ? "" : res.err().trim();
            if (res != null && res.exitCode() == 1 && err.toLowerCase(java.util.Locale.ROOT).startsWith("unknown key")) {
                return new Outcome(t, "ssh-keygen", List.of(), "ssh-keygen does not know key type '" + t.id() + "'");
            }
            return new Outcome(t, "ssh-keygen", List.of(), e.getMessage());
        }
        try {
            if (!runner.planMode()) {
                target.chmod(t.privateFile(), 0600);
                target.chmod(t.publicFile(), 0644);
            }
        } catch (IOException e) {
            return new Outcome(t, "ssh-keygen", List.of(), "cannot set the mode of " + t.privateFile() + ": " + e.getMessage());
        }
        List<String> console = new ArrayList<>();
        if (!quiet) {
            for (String line : new String(r.stdout(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (!line.isEmpty()) {
                    console.add(line);
                }
            }
        }
        return new Outcome(t, "ssh-keygen", console, null);
    }
}
