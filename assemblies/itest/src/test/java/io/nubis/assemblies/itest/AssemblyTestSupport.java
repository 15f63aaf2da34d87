package io.nubis.assemblies.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;

/** Pax Exam options for one exported assembly, and the wiring each distro must have. */
final class AssemblyTestSupport {
    /** Adapter names per distro, in {@code io.nubis.api.capability.Namespaces#ADAPTERS} order. */
    static final Map<String, List<String>> WIRING = Map.of(
            "ubuntu", List.of("systemd", "sudo", "udev", "apt", "shadow", "linux-fhs"),
            "debian", List.of("systemd", "sudo", "udev", "apt", "shadow", "linux-fhs"),
            "suse", List.of("systemd", "sudo", "udev", "zypper", "shadow", "linux-fhs"),
            "alpine", List.of("openrc", "doas", "mdev", "apk", "busybox", "linux-fhs"),
            "freebsd", List.of("bsdrc", "sudo", "devd", "pkg", "pw", "freebsd"));

    /** Every adapter bundle that exists; an assembly holds exactly its distro's six. */
    static final List<String> ALL_ADAPTERS = List.of("systemd", "openrc", "bsdrc", "sudo", "doas", "udev", "mdev",
            "devd", "apt", "zypper", "apk", "pkg", "shadow", "busybox", "pw", "linux-fhs", "freebsd");

    private AssemblyTestSupport() {
    }

    static File exportDir(String distro) {
        return new File(System.getProperty("nubis.assemblies", "../target"), "export/" + distro);
    }

    /** The assembly's bundles, started, plus what Pax Exam's JUnit probe needs. */
    static Option[] options(String distro) {
        File dir = exportDir(distro);
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no exported assembly in " + dir + "; run mvn package in assemblies first");
        }
        Arrays.sort(jars);
        List<Option> opts = new ArrayList<>();
        for (File jar : jars) {
            opts.add(bundle(jar.toURI().toString()).start());
        }
        opts.add(junitBundles());
        opts.add(cleanCaches());
        opts.add(frameworkProperty("felix.log.level").value("1"));
        opts.add(systemProperty("pax.exam.logging").value("none"));
        opts.add(systemProperty("nubis.test.distro").value(distro));
        return opts.toArray(new Option[0]);
    }

    /** Bundle symbolic name of an adapter. */
    static String adapterBsn(String adapter) {
        return "io.nubis.adapter." + adapter.replace("-", "");
    }
}
