package io.nubis.cc.ssh.internal;

import io.nubis.api.exec.Command;
import io.nubis.api.exec.CommandException;
import io.nubis.api.exec.CommandResult;
import io.nubis.api.exec.CommandRunner;
import io.nubis.testkit.TempTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Host key generation timings, both ways, for rsa + ecdsa + ed25519 (not a unit test; run by
 * hand, see docs/compatibility/modules.md): in-process in parallel (what the module does where the target has no ssh-keygen),
 * ssh-keygen in parallel (what it does otherwise), ssh-keygen one after the other (the reference), and
 * in-process one after the other. The first round is the cold JVM a boot sees.
 *
 * <pre>java -cp ... io.nubis.cc.ssh.internal.KeygenBenchmark [rounds]</pre>
 */
public final class KeygenBenchmark {
    private static final List<HostKeyType> TYPES = List.of(HostKeyType.RSA, HostKeyType.ECDSA, HostKeyType.ED25519);

    private KeygenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (args.length > 1 && args[1].equals("cpu")) {
            cpuPerType(rounds);
            return;
        }
        String[] names = {"in-process parallel", "ssh-keygen parallel", "ssh-keygen serial", "in-process serial"};
        List<List<Long>> times = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            times.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int m = 0; m < names.length; m++) {
                times.get(m).add(once(m));
            }
        }
        for (int m = 0; m < names.length; m++) {
            List<Long> t = times.get(m);
            List<Long> warm = new ArrayList<>(t.subList(Math.min(1, t.size()), t.size()));
            Collections.sort(warm);
            System.out.printf("%-22s first %5d ms   warm median %5d ms   all %s%n", names[m], t.get(0),
                    warm.isEmpty() ? -1 : warm.get(warm.size() / 2), t);
        }
    }

    /** CPU time of in-process generation per key type on this thread: the first (cold) and the median. */
    private static void cpuPerType(int rounds) throws Exception {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.security.SecureRandom rnd = new java.security.SecureRandom();
        for (HostKeyType t : TYPES) {
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long c0 = mx.getCurrentThreadCpuTime();
                OpenSshKeys.generate(t, "root@bench", rnd);
                ms.add((mx.getCurrentThreadCpuTime() - c0) / 1_000_000);
            }
            List<Long> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            System.out.printf("in-process %-8s cpu first %5d ms   median %5d ms   all %s%n", t.id(), ms.get(0),
                    sorted.get(sorted.size() / 2), ms);
        }
    }

    private static long once(int method) throws Exception {
        Path dir = Files.createTempDirectory("nubis-keygen");
        try {
            TempTarget target = TempTarget.in(dir);
            HostKeyGenerator g = new HostKeyGenerator(target, new HostRunner(dir), LoggerFactory.getLogger("bench"),
                    method == 0 || method == 3);
            long start = System.nanoTime();
            if (method < 2) {
                check(g.generate(TYPES, "root@bench", true));
            } else {
                for (HostKeyType t : TYPES) {
                    check(g.generate(List.of(t), "root@bench", true));
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void check(List<HostKeyGenerator.Outcome> outcomes) {
        for (HostKeyGenerator.Outcome o : outcomes) {
            if (o.error() != null) {
                throw new IllegalStateException(o.type().id() + ": " + o.error());
            }
        }
    }

    /** Runs commands on the host with target paths ({@code /etc/ssh/...}) mapped into the temp root. */
    private static final class HostRunner implements CommandRunner {
        private final Path root;

        HostRunner(Path root) {
            this.root = root;
        }

        @Override
        public CommandResult run(Command c) throws CommandException {
            List<String> argv = new ArrayList<>(c.argv());
            for (int i = 1; i < argv.size(); i++) {
                if (argv.get(i).startsWith("/etc/")) {
                    argv.set(i, root + argv.get(i));
                }
            }
            try {
                ProcessBuilder pb = new ProcessBuilder(argv);
                pb.environment().putAll(c.env());
                Process p = pb.start();
                byte[] out = p.getInputStream().readAllBytes();
                byte[] err = p.getErrorStream().readAllBytes();
                int code = p.waitFor();
                CommandResult r = new CommandResult(code, out, err, true);
                if (code != 0) {
                    throw new CommandException(String.join(" ", argv) + " exited " + code + ": " + r.err(), r);
                }
                return r;
            } catch (java.io.IOException e) {
                throw new CommandException(e.toString(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandException("interrupted", null);
            }
        }

        @Override
        public boolean planMode() {
            return false;
        }

        @Override
        public Optional<String> which(String program) {
            return Arrays.stream(System.getenv("PATH").split(":")).map(d -> Path.of(d, program))
                    .filter(Files::isExecutable).map(Path::toString).findFirst();
        }
    }
}
