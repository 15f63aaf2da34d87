package io.nubis.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectPlanTest {
    @TempDir
    Path tmp;

    private Path jar(String name, Map<String, String> headers, String... entries) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", name);
        headers.forEach(m.getMainAttributes()::putValue);
        Path p = tmp.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream jar = new JarOutputStream(out, m)) {
            for (String e : entries) {
                jar.putNextEntry(new JarEntry(e));
                jar.closeEntry();
            }
        }
        return p;
    }

    @Test
    void bundlesWithTheirOwnPackagesAreConnected() throws IOException {
        Path a = jar("a", Map.of(), "a/A.class", "a/impl/B.class", "a/schema.json");
        Path b = jar("b", Map.of("Bundle-ClassPath", "."), "b/B.class", "META-INF/versions/9/a/A.class",
                "module-info.class");
        assertEquals(List.of(a, b), ConnectPlan.connectable(List.of(), List.of(a, b)));
        assertEquals(Set.of("a", "a/impl"), ConnectPlan.packages(a));
    }

    @Test
    void bundlesSharingAPackageKeepTheirOwnLoaders() throws IOException {
        Path lib = jar("lib", Map.of(), "com/lib/L.class");
        Path embedding = jar("embedding", Map.of(), "e/E.class", "com/lib/L.class");
        Path other = jar("other", Map.of(), "o/O.class");
        assertEquals(List.of(other), ConnectPlan.connectable(List.of(), List.of(embedding, lib, other)));
    }

    @Test
    void aPackageOfTheLauncherOrFrameworkIsNotTakenByABundle() throws IOException {
        Path framework = jar("framework", Map.of(), "org/osgi/framework/Bundle.class");
        Path copy = jar("copy", Map.of(), "org/osgi/framework/Bundle.class");
        assertEquals(List.of(), ConnectPlan.connectable(List.of(framework), List.of(copy)));
    }

    @Test
    void innerJarsFragmentsAndTheirHostsAreLeftOut() throws IOException {
        Path inner = jar("inner", Map.of("Bundle-ClassPath", ".,lib/dep.jar"), "i/I.class");
        Path host = jar("host", Map.of(), "h/H.class");
        Path fragment = jar("fragment", Map.of("Fragment-Host", "host;bundle-version=\"[1,2)\""), "f/F.class");
        Path plain = jar("plain", Map.of(), "p/P.class");
        assertEquals(List.of(plain), ConnectPlan.connectable(List.of(), List.of(inner, host, fragment, plain)));
    }

    @Test
    void explodedBundleDirectoriesAreListedAndRead() throws IOException {
        Path home = tmp.resolve("home");
        Path dir = Files.createDirectories(home.resolve("bundles/x/x/pkg"));
        Files.createDirectories(home.resolve("bundles/x/META-INF"));
        Files.writeString(home.resolve("bundles/x/META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nBundle-SymbolicName: x\n");
        Files.writeString(dir.resolve("X.class"), "");
        Files.createDirectories(home.resolve("bundles/not-a-bundle"));
        Files.writeString(home.resolve("bundles/readme.txt"), "");
        List<Path> bundles = ConnectPlan.bundles(home.resolve("bundles"));
        assertEquals(List.of(home.resolve("bundles/x")), bundles);
        assertEquals(Set.of("x/pkg"), ConnectPlan.packages(bundles.get(0)));
        assertEquals(bundles, ConnectPlan.connectable(List.of(), bundles));
    }
}
