package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * cloud-init 22.4 from Debian bookworm, in a chroot made by {@code tools/test-roots/debian-root.sh
 * --with-cloud-init}. Each case runs in its own {@code unshare --mount --pid --net --uts --ipc}
 * namespace with a fresh tmpfs on /run and no network; the chroot is reused, with /var/lib/cloud,
 * /run and the logs reset between cases.
 */
final class ReferenceRunner {
    static final String SYSTEM_CONFIG = """
            # conformance suite: NoCloud only, no network configuration, no init modules
            datasource_list: [NoCloud]
            network: {config: disabled}
            cloud_init_modules: []
            """;
    private static final String SCRIPT = """
            mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs /run || exit 90
            mkdir -p /run/lock
            cd /
            c=/tmp/conformance
            cloud-init init --local > $c/init-local.out 2>&1; echo $? > $c/init-local.rc
            cloud-init init > $c/init.out 2>&1; echo $? > $c/init.rc
            cloud-init schema -c $c/user-data > $c/schema.out 2>&1; echo $? > $c/schema.rc
            """;

    private final Path root;

    ReferenceRunner(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes the suite's system config into the root (shared by both implementations). */
    void configure() throws IOException {
        Path cfg = root.resolve("etc/cloud/cloud.cfg.d/99-conformance.cfg");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, SYSTEM_CONFIG, StandardCharsets.UTF_8);
    }

    void reset() throws IOException, InterruptedException {
        reset(root);
    }

    /** Removes every trace of a previous run from a root: cloud state, run directory contents, logs. */
    static void reset(Path root) throws IOException, InterruptedException {
        Proc.Result r = Proc.run(List.of("/bin/sh", "-c",
                "rm -rf --one-file-system \"$0/var/lib/cloud\" \"$0/tmp/conformance\" \"$0\"/var/log/cloud-init*.log"
                        + " && find \"$0/run\" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +",
                root.toString()), 60);
        if (r.rc() != 0) {
            throw new IOException("resetting " + root + " failed: " + r.out());
        }
    }

    Outcome run(CorpusCase c) throws IOException, InterruptedException {
        reset();
        c.seedInto(root.resolve("var/lib/cloud/seed/nocloud"));
        Path io = root.resolve("tmp/conformance");
        Files.createDirectories(io);
        Files.copy(c.dir().resolve("user-data"), io.resolve("user-data"));
        Proc.Result r = Proc.run(List.of("unshare", "--mount", "--pid", "--net", "--uts", "--ipc", "--fork",
                "--mount-proc=" + root.resolve("proc"), "chroot", root.toString(),
                "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "HOME=/root",
                "/bin/sh", "-c", SCRIPT), 180);
        StringBuilder diag = new StringBuilder("unshare/chroot rc=" + r.rc() + (r.out().isBlank() ? "" : "\n" + r.tail(20)));
        for (String step : List.of("init-local", "init", "schema")) {
            diag.append("\n-- cloud-init ").append(step).append(" rc=").append(read(io.resolve(step + ".rc")).strip())
                    .append('\n').append(tail(read(io.resolve(step + ".out")), 15));
        }
        diag.append(logProblems(root));
                return new Outcome(Outcome.readFiles(root), rc(io.resolve("schema.rc")), diag.toString());
    }

    /** The WARNING and ERROR lines of the root's cloud-init.log (at most 20), for failure messages. */
    static String logProblems(Path root) throws IOException {
        String lines = String.join("\n", read(root.resolve("var/log/cloud-init.log")).lines()
                .filter(l -> l.contains("WARNING") || l.contains("ERROR")).limit(20).toList());
        return lines.isEmpty() ? "" : "\n-- cloud-init.log warnings and errors:\n" + lines;
    }

    private static Integer rc(Path f) throws IOException {
        String s = read(f).strip();
        return s.matches("\\d+") ? Integer.valueOf(s) : null;
    }

    static String read(Path f) throws IOException {
        return Files.isRegularFile(f) ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8) : "";
    }

    static String tail(String s, int lines) {
        List<String> all = s.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
