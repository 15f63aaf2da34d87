package io.nubis.adapter.freebsd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

class FreeBsdLayoutTest {
    private final FreeBsdLayout layout = new FreeBsdLayout();

    @Test
    void paths() {
        assertEquals("/var/run/cloud-init", layout.runDir());
        assertFalse(layout.ephemeralRun());
        assertEquals("/var/lib/cloud", layout.cloudDir());
        assertEquals("/usr/local/etc/cloud", layout.configDir());
        assertEquals("/var/log/cloud-init.log", layout.logFile());
        assertEquals("/var/log/cloud-init-output.log", layout.outputLogFile());
        assertEquals("/usr/local/libexec/nubis", layout.libexecDir());
    }

    @Test
    void capabilityAndServicePropertyCarryEphemeralRun() throws IOException {
        Manifest mf;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            mf = new Manifest(in);
        }
        String provide = mf.getMainAttributes().getValue("Provide-Capability");
        assertTrue(provide.contains("ephemeral.run=false") && provide.contains("nubis.layout=freebsd"), provide);
        String xml = Files.readString(Path.of("target/classes/OSGI-INF/io.nubis.adapter.freebsd.internal.FreeBsdLayout.xml"));
        assertTrue(xml.contains("<property name=\"ephemeral.run\" type=\"Boolean\" value=\"false\"/>"), xml);
    }
}
