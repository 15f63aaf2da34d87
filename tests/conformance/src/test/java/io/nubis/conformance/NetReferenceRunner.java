package io.nubis.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * cloud-init 22.4's {@code cloud-init devel net-convert} in the Debian root made by
 * {@code tools/test-roots/debian-root.sh --with-cloud-init}: every case and output kind in one
 * shell loop, in one {@code unshare --mount --pid --net --uts --ipc} + {@code chroot} invocation
 * per suite (the root has no /sys, so no interface of the host is visible to it). The trees it
 * writes are moved out of the root to {@code <work>/<case>/<kind>/<side>/}.
 */
final class NetReferenceRunner {
    /** networkd's renderer gives its files to this user; the minbase root has no systemd. */
    static final String NETWORKD_USER = "systemd-network";

    private final Path root;

    NetReferenceRunner(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Adds the {@value #NETWORKD_USER} system user and group to the root (passwd, group, and the
     * shadow files when present) unless it has them, with the highest free system id below 1000.
     */
    void addNetworkdUser() throws IOException {
        Path passwd = root.resolve("etc/passwd");
        Path group = root.resolve("etc/group");
        List<String> users = Files.readAllLines(passwd, StandardCharsets.UTF_8);
        List<String> groups = Files.readAllLines(group, StandardCharsets.UTF_8);
        if (users.stream().anyMatch(l -> l.startsWith(NETWORKD_USER + ":"))) {
            return;
        }
        int id = 999;
        while (id > 100 && (usesId(users, 2, id) || usesId(groups, 2, id))) {
            id--;
        }
        append(passwd, NETWORKD_USER + ":x:" + id + ":" + id + ":systemd Network Management:/:/usr/sbin/nologin");
        if (groups.stream().noneMatch(l -> l.startsWith(NETWORKD_USER + ":"))) {
            append(group, NETWORKD_USER + ":x:" + id + ":");
        }
        if (Files.isRegularFile(root.resolve("etc/shadow"))) {
            append(root.resolve("etc/shadow"), NETWORKD_USER + ":!*:19000::::::");
        }
        if (Files.isRegularFile(root.resolve("etc/gshadow"))) {
            append(root.resolve("etc/gshadow"), NETWORKD_USER + ":!*::");
        }
    }

    private static boolean usesId(List<String> lines, int field, int id) {
        return lines.stream().map(l -> l.split(":", -1)).anyMatch(f -> f.length > field && f[field].equals(String.valueOf(id)));
    }

    private static void append(Path file, String line) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + line + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Runs every case in every kind through the reference and keeps the results as {@code side}
     * (normally {@link NetRun#REFERENCE}; a second side name runs it again in a separate scratch
     * directory, for checking the suite against the reference itself). Keys: {@code case/kind}.
     */
    Map<String, NetRun> runAll(List<NetCorpusCase> cases, List<NetKind> kinds, Path work, String side)
            throws IOException, InterruptedException {
        String io = "/tmp/net-conformance-" + side;
        Path hostIo = root.resolve(io.substring(1));
        Proc.Result rm = Proc.run(List.of("rm", "-rf", "--one-file-system", hostIo.toString()), 120);
        if (rm.rc() != 0) {
            throw new IOException("cannot remove " + hostIo + ": " + rm.out());
        }
        Files.createDirectories(hostIo);
        StringBuilder script = new StringBuilder("""
                # written by NetReferenceRunner: one net-convert per case and output kind
                cd /
                run() { # CASE KIND NET-CONVERT-ARGS...
                    c=$1; k=$2; shift 2
                    mkdir -p "%1$s/log/$c"
                    cloud-init devel net-convert "$@" > "%1$s/log/$c/$k.out" 2>&1
                    echo $? > "%1$s/log/$c/$k.rc"
                }
                """.formatted(io));
        for (NetCorpusCase c : cases) {
            Path in = hostIo.resolve("in").resolve(c.name());
            Files.createDirectories(in);
            Files.copy(c.input(), in.resolve(c.input().getFileName()));
            String input = io + "/in/" + c.name() + "/" + c.input().getFileName();
            for (NetKind k : kinds) {
                List<String> cmd = new ArrayList<>(List.of("run", c.name(), k.id()));
                cmd.addAll(c.convertArgs(input, io + "/out/" + c.name() + "/" + k.id(), k));
                script.append(String.join(" ", cmd.stream().map(NetReferenceRunner::quote).toList())).append('\n');
            }
        }
        Files.writeString(hostIo.resolve("run.sh"), script, StandardCharsets.UTF_8);
        long limit = 120L + 30L * cases.size() * kinds.size();
        Proc.Result r = Proc.run(List.of("unshare", "--mount", "--pid", "--net", "--uts", "--ipc", "--fork",
                "--mount-proc=" + root.resolve("proc"), "chroot", root.toString(),
                "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8", "HOME=/root",
                "/bin/sh", io + "/run.sh"), limit);
        String trouble = r.rc() == 0 ? "" : "\n[reference loop: unshare/chroot rc=" + r.rc() + "]\n" + r.tail(20);

        Map<String, NetRun> runs = new LinkedHashMap<>();
        for (NetCorpusCase c : cases) {
            for (NetKind k : kinds) {
                Path log = hostIo.resolve("log").resolve(c.name());
                String rcText = ReferenceRunner.read(log.resolve(k.id() + ".rc")).strip();
                int rc = rcText.matches("\\d+") ? Integer.parseInt(rcText) : NetRun.NO_RESULT;
                String out = ReferenceRunner.read(log.resolve(k.id() + ".out")) + (rc == NetRun.NO_RESULT ? trouble : "");
                NetRun run = NetRun.keep(work, c, k, side, rc, out);
                moveTree(hostIo.resolve("out").resolve(c.name()).resolve(k.id()), run.tree());
                runs.put(c.name() + "/" + k.id(), run);
            }
        }
        return runs;
    }

    /** Moves a tree out of the root (a rename: both live under target/); an absent tree is made empty. */
    private static void moveTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to);
            return;
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    }
                }
            }
        }
    }

    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./,:=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
