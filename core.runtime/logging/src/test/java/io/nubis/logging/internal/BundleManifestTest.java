package io.nubis.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * Checks the manifest bnd wrote into target/classes (bnd-process runs before the tests): the
 * bundle carries and exports slf4j-api itself and needs no ServiceLoader mediator.
 */
class BundleManifestTest {
    private static final Path CLASSES = Path.of("target/classes");

    private static Attributes manifest() throws Exception {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in).getMainAttributes();
        }
    }

    /** Package name to its version attribute, from an Export-Package header. */
    private static Map<String, String> exports(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String[] parts = clause.toString().split(";");
                String version = null;
                for (String p : parts) {
                    if (p.startsWith("version=")) {
                        version = p.substring("version=".length()).replace("\"", "");
                    }
                }
                out.merge(parts[0], version, (a, b) -> a + "," + b);
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return out;
    }

    @Test
    void exportsSlf4jAndTheConfigurationApi() throws Exception {
        Attributes m = manifest();
        assertEquals("io.nubis.logging", m.getValue("Bundle-SymbolicName"));
        Map<String, String> exports = exports(m.getValue("Export-Package"));
        // org.slf4j twice: 2.x, and 1.7.36 for bundles built against SLF4J 1.7
        assertEquals(Map.of("org.slf4j", "2.0.17,1.7.36", "org.slf4j.spi", "2.0.17", "org.slf4j.event", "2.0.17",
                "org.slf4j.helpers", "2.0.17", "io.nubis.api.logging", "1.0.0"), exports);
        assertTrue(m.getValue("Private-Package").contains("io.nubis.logging.internal"));
    }

    @Test
    void needsNoMediatorAndImportsNoOtherSlf4j() throws Exception {
        Attributes m = manifest();
        String imports = m.getValue("Import-Package");
        assertTrue(imports == null || !imports.contains("org.slf4j"), "exports must not be substitutable: " + imports);
        String requires = String.valueOf(m.getValue("Require-Capability"));
        assertFalse(requires.contains("osgi.serviceloader"), requires);
        assertFalse(requires.contains("osgi.extender"), requires);
    }

    @Test
    void containsTheApiClassesAndTheProviderRegistration() throws Exception {
        assertTrue(Files.isRegularFile(CLASSES.resolve("org/slf4j/LoggerFactory.class")));
        assertTrue(Files.isRegularFile(CLASSES.resolve("org/slf4j/spi/SLF4JServiceProvider.class")));
        assertTrue(Files.isRegularFile(CLASSES.resolve("META-INF/slf4j/LICENSE.txt")));
        assertEquals(NubisServiceProvider.class.getName(),
                Files.readString(CLASSES.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).trim());
    }
}
