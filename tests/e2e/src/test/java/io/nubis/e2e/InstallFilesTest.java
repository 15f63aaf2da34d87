package io.nubis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
                "-rwxr-xr-x ./" + home + "/libexec/hotplug-hook"));
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
        for (String u : List.of("nubis.service", "cloud-init.target", "cloud-init-local.service", "cloud-init.service",
                "cloud-config.service", "cloud-final.service")) {
            want.add("-rw-r--r-- ./usr/lib/systemd/system/" + u);
        }
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
