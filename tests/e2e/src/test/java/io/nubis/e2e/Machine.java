package io.nubis.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away root filesystem with a Nubis install tarball unpacked in it, booted by
 * {@code boot.sh}: each {@link #boot} is a fresh set of namespaces with a fresh tmpfs /run.
 */
final class Machine {
    static final Path REPO = Paths.get(System.getProperty("nubis.repo", "../..")).toAbsolutePath().normalize();
    static final String VERSION = System.getProperty("nubis.version", "0.1.0-SNAPSHOT");
    static final Path WORK = Paths.get(System.getProperty("nubis.e2e.work", "target/roots")).toAbsolutePath();
    static final Path SCRIPTS = REPO.resolve("tests/e2e/src/test/sh");
    /** The JDK the tests run on; bind-mounted read-only into each root at the same path. */
    static final Path JDK = Paths.get(System.getProperty("java.home")).toAbsolutePath();

    /** Output and exit code of one command. */
    record Result(int code, String out) {
    }

    final Path root;
    private String instanceId;
    /** The network namespace boots join ({@code ip netns add}), or null for a fresh one without devices. */
    private String netns;

    private Machine(Path root) {
        this.root = root;
    }

    /** Skips (with the reason) unless the tests can make namespaces and chroot: root and unshare. */
    static void assumeCanBoot() {
        Result id = host(List.of("id", "-u"), 10);
        assumeTrue(id.code() == 0 && id.out().strip().equals("0"), "end-to-end boots need root (uid 0)");
        Result u = host(List.of("unshare", "--mount", "--pid", "--fork", "--net", "--uts", "true"), 20);
        assumeTrue(u.code() == 0, "end-to-end boots need a working unshare (mount, pid, net, uts): " + u.out().strip());
    }

    static Path tarball(String distro) {
        Path t = REPO.resolve("assemblies/target/nubis-" + distro + "-" + VERSION + ".tar.gz");
        if (!Files.isRegularFile(t)) {
            throw new IllegalStateException(t + " is missing: build it with mvn -B -pl assemblies -am package -DskipTests");
        }
        return t;
    }

    /** Builds a root with SCRIPT (alpine-root.sh, debian-root.sh) and the distro's tarball. */
    static Machine build(String script, String distro, String name) {
        Path root = WORK.resolve(name);
        List<String> cmd = List.of("sh", SCRIPTS.resolve(script).toString(), root.toString(),
                tarball(distro).toString(), JDK.toString());
        Result r = host(cmd, 600);
        assumeTrue(r.code() != 3, script + " cannot make the root here: " + r.out().strip());
        if (r.code() != 0) {
            throw new IllegalStateException(script + " failed (" + r.code() + "):\n" + r.out());
        }
        return new Machine(root);
    }

    /**
     * One boot: fresh namespaces and /run, then each shell COMMAND in turn in the root (all see the
     * same /run); the result of each, in order. Their output and exit codes go through /e2e/out.
     */
    List<Result> boot(String... commands) throws IOException {
        Path out = path("/e2e/out");
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(out);
        StringBuilder script = new StringBuilder("cd /\n");
        for (int i = 0; i < commands.length; i++) {
            script.append("( ").append(commands[i]).append(" ) > /e2e/out/").append(i).append(".out 2>&1 < /dev/null; echo $? > /e2e/out/")
                    .append(i).append(".rc\n");
        }
        write("/e2e/boot", script.toString());
        List<String> cmd = new ArrayList<>(List.of("sh", SCRIPTS.resolve("boot.sh").toString()));
        if (netns != null) {
            cmd.addAll(List.of("--netns", netns));
        }
        cmd.addAll(List.of(root.toString(), JDK.toString(), "/bin/sh", "/e2e/boot"));
        Result r = host(cmd, 300);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            Path rc = out.resolve(i + ".rc");
            if (!Files.exists(rc)) {
                throw new IllegalStateException("boot did not run '" + commands[i] + "' (" + r.code() + "):\n" + r.out());
            }
            results.add(new Result(Integer.parseInt(Files.readString(rc).strip()), Files.readString(out.resolve(i + ".out"))));
        }
        return results;
    }

    /** Boots from now on join the network namespace NAME (null: a fresh one), with sysfs mounted. */
    Machine netns(String name) {
        this.netns = name;
        return this;
    }

    /** One boot running one shell command. */
    Result boot1(String command) throws IOException {
        return boot(command).get(0);
    }

    /** ABSOLUTE inside the root (symbolic links on the way are not resolved: keep to real paths). */
    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    boolean exists(String absolute) {
        return Files.exists(path(absolute), LinkOption.NOFOLLOW_LINKS);
    }

    String read(String absolute) throws IOException {
        return Files.readString(path(absolute), StandardCharsets.UTF_8);
    }

    /** Lines of a file, 0 if it does not exist: the count of runs of a marker-writing script. */
    long lines(String absolute) throws IOException {
        Path p = path(absolute);
        return Files.exists(p) ? Files.readAllLines(p).size() : 0;
    }

    String mode(String absolute) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path(absolute), LinkOption.NOFOLLOW_LINKS));
    }

    void write(String absolute, String content) throws IOException {
        Path p = path(absolute);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    void delete(String absolute) throws IOException {
        Files.deleteIfExists(path(absolute));
    }

    /** The instance id of the last {@link #seed}. */
    String instanceId() {
        return instanceId;
    }

    /** NoCloud seed under /var/lib/cloud/seed/nocloud. */
    void seed(String instanceId, String userData) throws IOException {
        this.instanceId = instanceId;
        write("/var/lib/cloud/seed/nocloud/meta-data", "instance-id: " + instanceId + "\nlocal-hostname: seeded-host\n");
        write("/var/lib/cloud/seed/nocloud/user-data", userData);
    }

    /** path, type, mode and content hash of every entry under the given directories. */
    Map<String, String> snapshot(String... dirs) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String d : dirs) {
            Path base = path(d);
            if (!Files.exists(base)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(base)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String key = "/" + root.relativize(p);
                    if (Files.isSymbolicLink(p)) {
                        out.put(key, "link " + Files.readSymbolicLink(p));
                    } else if (Files.isDirectory(p)) {
                        out.put(key, "dir " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                    } else {
                        out.put(key, "file " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) + " "
                                + sha256(Files.readAllBytes(p)));
                    }
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Result host(List<String> cmd, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> {
                try {
                    out[0] = p.getInputStream().readAllBytes();
                } catch (IOException e) {
                    out[0] = ("(output lost: " + e.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
                }
            });
            reader.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                reader.join(5000);
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + "s");
            }
            reader.join();
            return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
