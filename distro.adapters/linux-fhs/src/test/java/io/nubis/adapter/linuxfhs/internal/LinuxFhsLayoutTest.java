package io.nubis.adapter.linuxfhs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

class LinuxFhsLayoutTest {
    private final LinuxFhsLayout layout = new LinuxFhsLayout();

    @Test
    void paths() {
        assertEquals("/run/cloud-init", layout.runDir());
        assertTrue(layout.ephemeralRun());
        assertEquals("/var/lib/cloud", layout.cloudDir());
        assertEquals("/etc/cloud", layout.configDir());
        assertEquals("/var/log/cloud-init.log", layout.logFile());
        assertEquals("/var/log/cloud-init-output.log", layout.outputLogFile());
        assertEquals("/usr/lib/nubis", layout.libexecDir());
    }

    /** bnd runs before the tests: the bundle's capability and component carry the same attribute. */
    @Test
    void capabilityAndServicePropertyCarryEphemeralRun() throws IOException {
        Manifest mf;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            mf = new Manifest(in);
        }
        String provide = mf.getMainAttributes().getValue("Provide-Capability");
        assertTrue(provide.contains("nubis.layout;ephemeral.run=true;nubis.layout=linux-fhs")
                || provide.contains("nubis.layout;nubis.layout=linux-fhs;ephemeral.run=true"), provide);
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/io.nubis.adapter.linuxfhs.internal.LinuxFhsLayout.xml"));
        assertTrue(xml.contains("<property name=\"ephemeral.run\" type=\"Boolean\" value=\"true\"/>"), xml);
        assertTrue(xml.contains("<property name=\"nubis.layout\" type=\"String\" value=\"linux-fhs\"/>"), xml);
    }
}
