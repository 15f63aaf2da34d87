package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                "-rw-r--r-- ./" + home + "/share/seed/meta-data", "-rw-r--r-- ./" + home + "/share/seed/user-data"));
        for (String c : List.of("nubis", "cloud-init", "cloud-init-per")) {
            s.add("lrwxrwxrwx ./" + bin + "/" + c + " -> ../lib/nubis/bin/" + c);
        }
        return s;
    }

    @Test
    void alpineTarballHasTheRuntimeOpenRcScriptAndMdevLine() {
        Set<String> want = runtime("usr/lib/nubis", "usr/bin");
        want.add("-rwxr-xr-x ./etc/init.d/nubis");
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
        want.add("-rwxr-xr-x ./usr/local/etc/rc.d/nubis");
        want.add("-rw-r--r-- ./usr/local/etc/devd/nubis-hotplug.conf");
        assertEquals(want, (entries("freebsd")));
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
