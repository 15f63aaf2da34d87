package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install tarballs' contents and the systemd generator; needs no root. */
class InstallFilesTest {
    static final Path GENERATOR = Machine.REPO.resolve("assemblies/src/main/init/systemd/nubis-generator");

    /** Entries outside the bundles directory, as "type path[ -> target]". */
    static Set<String> entries(String distro) {
        Machine.Result r = Machine.host(List.of("tar", "-tvzf", Machine.tarball(distro).toString()), 60);
        assertEquals(0, r.code(), r.out());
        return r.out().lines().filter(l -> !l.contains("/bundles/") && !l.endsWith("/bundles/")).map(l -> {
            String[] f = l.split("\\s+", 6);
            assertTrue(f[1].equals("0/0"), "root-owned: " + l);
            return f[0] + " " + f[5];
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> runtime(String home, String bin) {
        Set<String> s = new TreeSet<>(Set.of(
                "drwxr-xr-x ./" + home + "/", "drwxr-xr-x ./" + home + "/bin/", "drwxr-xr-x ./" + home + "/lib/",
                "drwxr-xr-x ./" + home + "/libexec/",
                "lrwxrwxrwx ./" + home + "/bin/cloud-init -> nubis",
                "-rwxr-xr-x ./" + home + "/bin/cloud-init-per", "-rwxr-xr-x ./" + home + "/bin/nubis",
                "-rw-r--r-- ./" + home + "/lib/nubis-launcher.jar", "-rw-r--r-- ./" + home + "/lib/org.apache.felix.framework.jar",
                "-rwxr-xr-x ./" + home + "/libexec/hotplug-hook",
                // the training seed `nubis prime` boots once to record the class-data archive
                "drwxr-xr-x ./" + home + "/share/", "drwxr-xr-x ./" + home + "/share/seed/",
                "-rw-r--r-- ./" + home + "/share/seed/meta-data", "-rw-r--r-- ./" + home + "/share/seed/user-data",
                "-rw-r--r-- ./" + home + "/share/seed/network-config"));
        for (String c : List.of("nubis", "cloud-init", "cloud-init-per")) {
            s.add("lrwxrwxrwx ./" + bin + "/" + c + " -> ../lib/nubis/bin/" + c);
        }
        return s;
    }

    @Test
    void alpineTarballHasTheRuntimeOpenRcServicesAndMdevLine() {
        Set<String> want = runtime("usr/lib/nubis", "usr/bin");
        for (String svc : List.of("nubis", "cloud-init-local", "cloud-init", "cloud-config", "cloud-final")) {
            want.add("-rwxr-xr-x ./etc/init.d/" + svc);
        }
        want.add("-rwxr-xr-x ./usr/lib/nubis/libexec/stage-shim");
        want.add("-rw-r--r-- ./usr/share/nubis/mdev.conf");
        assertEquals(want, (entries("alpine")));
    }

    @Test
    void debianTarballHasTheRuntimeSystemdUnitsGeneratorAndUdevRule() {
        Set<String> want = runtime("usr/lib/nubis", "usr/bin");
        for (String u : List.of("nubis.service", "cloud-init.target", "cloud-config.target", "cloud-init-local.service",
                "cloud-init.service", "cloud-config.service", "cloud-final.service")) {
            want.add("-rw-r--r-- ./usr/lib/systemd/system/" + u);
        }
        want.add("-rwxr-xr-x ./usr/lib/nubis/libexec/stage-shim");
        want.add("-rwxr-xr-x ./usr/lib/systemd/system-generators/nubis-generator");
        want.add("-rw-r--r-- ./usr/lib/udev/rules.d/90-nubis-hotplug.rules");
        assertEquals(want, (entries("debian")));
    }

    @Test
    void freebsdTarballLivesUnderUsrLocal() {
        Set<String> want = runtime("usr/local/lib/nubis", "usr/local/bin");
        for (String rc : RC_SCRIPTS) {
            want.add("-rwxr-xr-x ./usr/local/etc/rc.d/" + rc);
        }
        want.add("-rwxr-xr-x ./usr/local/lib/nubis/libexec/stage-shim");
        want.add("-rw-r--r-- ./usr/local/etc/devd/nubis-hotplug.conf");
        assertEquals(want, (entries("freebsd")));
    }

    static final List<String> RC_SCRIPTS = List.of("nubis", "cloudinitlocal", "cloudinit", "cloudconfig", "cloudfinal");

    /**
     * FreeBSD's own rc.d scripts the stage scripts order against, as their rcorder lines (FreeBSD
     * 14, reduced to the names on the way: mountcritremote, savecore and the like left out).
     */
    static final List<String> FREEBSD_BASE = List.of(
            "PROVIDE: root", "PROVIDE: mountcritlocal\nREQUIRE: root", "PROVIDE: FILESYSTEMS\nREQUIRE: root mountcritlocal",
            "PROVIDE: ldconfig\nREQUIRE: FILESYSTEMS\nBEFORE: DAEMON", "PROVIDE: netif\nREQUIRE: FILESYSTEMS",
            "PROVIDE: devd\nREQUIRE: netif ldconfig\nBEFORE: NETWORKING", "PROVIDE: NETWORKING NETWORK\nREQUIRE: netif",
            "PROVIDE: SERVERS\nREQUIRE: ldconfig", "PROVIDE: DAEMON\nREQUIRE: NETWORKING SERVERS", "PROVIDE: LOGIN\nREQUIRE: DAEMON",
            "PROVIDE: sshd\nREQUIRE: LOGIN FILESYSTEMS", "PROVIDE: cron\nREQUIRE: LOGIN FILESYSTEMS",
            "PROVIDE: mail\nREQUIRE: LOGIN FILESYSTEMS", "PROVIDE: mountlate\nREQUIRE: DAEMON", "PROVIDE: swaplate\nREQUIRE: mountlate");

    /**
     * Adds the rcorder lines of script NAME to REQUIRES ("key requires value"; "?x" stands for the
     * script providing x): REQUIRE x gives NAME -> ?x, BEFORE x gives ?x -> NAME.
     */
    static void rcorder(String name, String header, Map<String, Set<String>> requires, Map<String, String> provider) {
        List<String[]> lines = header.lines().map(l -> l.replaceFirst("^#\\s*", "").split(":\\s*", 2))
                .filter(kv -> kv.length == 2 && List.of("PROVIDE", "REQUIRE", "BEFORE").contains(kv[0])).toList();
        for (String[] kv : lines) {
            for (String word : kv[1].trim().split("\\s+")) {
                switch (kv[0]) {
                    case "PROVIDE" -> provider.put(word, name);
                    case "REQUIRE" -> requires.computeIfAbsent(name, k -> new TreeSet<>()).add("?" + word);
                    default -> requires.computeIfAbsent("?" + word, k -> new TreeSet<>()).add(name);
                }
            }
        }
    }

    /** Whether script A runs before script B: a chain of rcorder edges leads from A to B. */
    static boolean before(String a, String b, Map<String, Set<String>> edges) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(a));
        while (!todo.isEmpty()) {
            for (String next : edges.getOrDefault(todo.remove(0), Set.of())) {
                if (next.equals(b)) {
                    return true;
                }
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return false;
    }

    @Test
    void freebsdRcScriptsOrderTheStagesLikeTheReference(@TempDir Path root) throws Exception {
        Machine.Result x = Machine.host(List.of("tar", "-C", root.toString(), "-xzf", Machine.tarball("freebsd").toString()), 60);
        assertEquals(0, x.code(), x.out());
        Map<String, Set<String>> requires = new java.util.HashMap<>();
        Map<String, String> provider = new java.util.HashMap<>();
        for (int i = 0; i < FREEBSD_BASE.size(); i++) {
            rcorder("base" + i, FREEBSD_BASE.get(i), requires, provider);
        }
        java.util.regex.Pattern path = java.util.regex.Pattern.compile("(?<![\\w.$}])/[A-Za-z0-9_./-]+");
        for (String rc : RC_SCRIPTS) {
            Path script = root.resolve("usr/local/etc/rc.d/" + rc);
            assertEquals(new Machine.Result(0, ""), Machine.host(List.of("sh", "-n", script.toString()), 20), rc);
            String text = Files.readString(script);
            rcorder(rc, text, requires, provider);
            var m = path.matcher(text);
            while (m.find()) {
                String p = m.group();
                assertTrue(p.startsWith("/usr/local/") || p.startsWith("/var/run/") || p.equals("/var/run") || p.startsWith("/var/log/")
                        || List.of("/bin/sh", "/dev/null", "/etc/rc.subr", "/usr/sbin/daemon").contains(p), rc + " uses a non-FreeBSD path " + p);
            }
            assertTrue(text.contains("rcvar=\"cloudinit_enable\""), rc + " is enabled by the reference's cloudinit_enable");
        }
        // edges "a runs before b"; a name nobody provides is a broken header
        Map<String, Set<String>> edges = new java.util.HashMap<>();
        requires.forEach((from, tos) -> {
            String b = from.startsWith("?") ? provider.get(from.substring(1)) : from;
            assertTrue(b != null, "nothing provides " + from);
            for (String to : tos) {
                String a = to.startsWith("?") ? provider.get(to.substring(1)) : to;
                assertTrue(a != null, "nothing provides " + to);
                edges.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            }
        });
        for (String s : edges.keySet()) {
            assertFalse(before(s, s, edges), "rcorder cycle through " + s);
        }
        String networking = provider.get("NETWORKING");
        String login = provider.get("LOGIN");
        List<List<String>> order = List.of(List.of("nubis", "cloudinitlocal"), List.of("cloudinitlocal", networking),
                List.of(networking, "cloudinit"), List.of(provider.get("devd"), "cloudinit"), List.of("cloudinit", login),
                List.of("cloudinit", "cloudconfig"), List.of("cloudconfig", "cloudfinal"), List.of(login, "cloudfinal"),
                List.of(provider.get("sshd"), "cloudfinal"), List.of(provider.get("swaplate"), "cloudfinal"),
                List.of(provider.get("ldconfig"), "nubis"));
        for (List<String> p : order) {
            assertTrue(before(p.get(0), p.get(1), edges), p.get(0) + " must run before " + p.get(1));
            assertFalse(before(p.get(1), p.get(0), edges), p.get(1) + " must not run before " + p.get(0));
        }
    }

    static final Path SHIM = Machine.REPO.resolve("assemblies/src/main/init/stage-shim");

    /** A gate directory as {@code --stage-gate} makes it, for the process PID. */
    static Path gate(Path dir, long pid) throws Exception {
        fifos(dir);
        return pid(dir, pid);
    }

    /** The two FIFOs of stage local, made before the process that opens them starts. */
    static Path fifos(Path dir) throws Exception {
        for (String end : List.of("local.start", "local.done")) {
            assertEquals(0, Machine.host(List.of("mkfifo", dir.resolve(end).toString()), 10).code());
        }
        return dir;
    }

    static Path pid(Path dir, long pid) throws Exception {
        Files.writeString(dir.resolve("pid"), pid + "\n");
        return dir;
    }

    static Machine.Result shim(Path gate) {
        return Machine.host(List.of("env", "NUBIS_STAGE_DIR=" + gate, "sh", SHIM.toString(), "local"), 30);
    }

    @Test
    void stageShimExitsWithTheStagesResult(@TempDir Path dir) throws Exception {
        fifos(dir); // before the process: else it could write local.done as a plain file first
        Process nubis = new ProcessBuilder("sh", "-c", "cat \"$0/local.start\" >/dev/null; echo 4 > \"$0/local.done\"; sleep 2",
                dir.toString()).start();
        assertEquals(new Machine.Result(4, ""), shim(pid(dir, nubis.pid())));
        nubis.waitFor();
    }

    @Test
    void stageShimStopsWaitingWhenTheProcessEnds(@TempDir Path dir) throws Exception {
        Process nubis = new ProcessBuilder("sleep", "1").start();
        long started = System.nanoTime();
        Machine.Result r = shim(gate(dir, nubis.pid()));
        assertTrue(r.code() != 0, r.toString());
        assertTrue(r.out().contains("stage-shim: the nubis process (" + nubis.pid() + ") ended before stage local finished"),
                r.out());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "gave up soon after the process ended");
    }

    @Test
    void systemdUnitsVerify(@TempDir Path root) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "needs systemd-analyze");
        Machine.Result x = Machine.host(List.of("tar", "-C", root.toString(), "-xzf", Machine.tarball("debian").toString()), 60);
        assertEquals(0, x.code(), x.out());
        // the stage units order against systemd's own targets (sysinit.target, network-online.target...)
        Machine.Result units = Machine.host(List.of("sh", "-c", "cd /usr/lib/systemd/system && for u in *.target; do "
                + "[ -e \"$0/usr/lib/systemd/system/$u\" ] || cp -P \"$u\" \"$0/usr/lib/systemd/system/\"; done",
                root.toString()), 60);
        assertEquals(0, units.code(), units.out());
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("/bin/true"), root.resolve("bin/true"));
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "--man=no", "--root=" + root, "verify"));
        for (String u : List.of("nubis.service", "cloud-init.target", "cloud-config.target", "cloud-init-local.service",
                "cloud-init.service", "cloud-config.service", "cloud-final.service")) {
            cmd.add("/usr/lib/systemd/system/" + u);
        }
        Machine.Result r = Machine.host(cmd, 60);
        assertEquals(new Machine.Result(0, ""), r);
    }

    @Test
    void debianPackageDependsOnAJre17AndHoldsTheTarballsFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "needs dpkg-deb");
        Path deb;
        try (var s = Files.list(Machine.REPO.resolve("assemblies/target"))) {
            deb = s.filter(p -> p.getFileName().toString().matches("nubis-debian_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no nubis-debian_*_all.deb in assemblies/target"));
        }
        Machine.Result info = Machine.host(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Depends", "Conflicts"), 30);
        assertEquals(new Machine.Result(0, "Package: nubis\nDepends: default-jre-headless (>= 2:1.17) | java17-runtime-headless\n"
                + "Conflicts: cloud-init\n"), info);
        Machine.Result contents = Machine.host(List.of("dpkg-deb", "-c", deb.toString()), 30);
        assertEquals(0, contents.code(), contents.out());
        assertTrue(contents.out().lines().anyMatch(l -> l.startsWith("lrwxrwxrwx") && l.endsWith("./usr/bin/cloud-init -> ../lib/nubis/bin/cloud-init")),
                contents.out());
        assertTrue(contents.out().contains("./usr/lib/systemd/system/nubis.service"), contents.out());
    }

    private static Machine.Result generate(Path root, String cmdline) {
        return Machine.host(List.of("env", "NUBIS_GENERATOR_ROOT=" + root, "NUBIS_KERNEL_CMDLINE=" + cmdline, "sh",
                GENERATOR.toString(), root.resolve("normal").toString(), root.resolve("early").toString(),
                root.resolve("late").toString()), 20);
    }

    @Test
    void generatorEnablesCloudInitTarget(@TempDir Path root) throws Exception {
        Machine.Result r = generate(root, "BOOT_IMAGE=/vmlinuz root=/dev/vda1 quiet");
        assertEquals(0, r.code(), r.out());
        Path link = root.resolve("early/multi-user.target.wants/cloud-init.target");
        assertEquals("/usr/lib/systemd/system/cloud-init.target", Files.readSymbolicLink(link).toString());
        assertTrue(Files.exists(root.resolve("run/cloud-init/enabled")));
        assertFalse(Files.exists(root.resolve("run/cloud-init/disabled")));
    }

    @Test
    void generatorHonoursTheMarkerFile(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("etc/cloud"));
        Files.writeString(root.resolve("etc/cloud/cloud-init.disabled"), "");
        assertEquals(0, generate(root, "quiet").code());
        assertFalse(Files.exists(root.resolve("early/multi-user.target.wants/cloud-init.target")));
        assertEquals("disabled by marker file /etc/cloud/cloud-init.disabled\n", Files.readString(root.resolve("run/cloud-init/disabled")));
        assertFalse(Files.exists(root.resolve("run/cloud-init/enabled")));
    }

    @Test
    void generatorHonoursTheKernelCommandLine(@TempDir Path root) throws Exception {
        assertEquals(0, generate(root, "root=/dev/vda1 cloud-init=disabled quiet").code());
        assertFalse(Files.exists(root.resolve("early/multi-user.target.wants/cloud-init.target")));
        assertEquals("disabled by kernel command line cloud-init=disabled\n", Files.readString(root.resolve("run/cloud-init/disabled")));
    }
}
