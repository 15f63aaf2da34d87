package io.nubis.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.connect.ConnectContent;

class ClassPathConnectorTest {
    @TempDir
    Path tmp;

    private Path jar() throws IOException {
        Path p = tmp.resolve("b.jar");
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("OSGI-INF/c.xml"));
            jar.write("<scr/>".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return p;
    }

    @Test
    void bundlesOnTheClassPathAreConnectLocationsOthersReference() throws IOException {
        Path on = jar();
        Path off = tmp.resolve("vendor.jar");
        ClassPathConnector c = new ClassPathConnector(Set.of(on), getClass().getClassLoader());
        assertEquals("connect:" + on.toUri(), c.location(on));
        assertEquals("reference:" + off.toUri(), c.location(off));
        ClassPathConnector nothingConnected = new ClassPathConnector(Set.of(), getClass().getClassLoader());
        assertEquals("reference:" + on.toUri(), nothingConnected.location(on));
        assertEquals(on, ClassPathConnector.file(c.location(on)));
        assertEquals(null, ClassPathConnector.file(c.location(off)));
    }

    @Test
    void connectedContentReadsEntriesInPlaceAndUsesTheGivenLoader() throws Exception {
        Path on = jar();
        ClassLoader loader = getClass().getClassLoader();
        ClassPathConnector c = new ClassPathConnector(Set.of(on), loader);
        ConnectContent content = c.connect(c.location(on)).orElseThrow().getContent();
        content.open();
        try {
            assertSame(loader, content.getClassLoader().orElseThrow());
            List<String> names = new ArrayList<>();
            content.getEntries().forEach(names::add);
            assertEquals(List.of("OSGI-INF/c.xml"), names);
            try (InputStream in = content.getEntry("OSGI-INF/c.xml").orElseThrow().getInputStream()) {
                assertArrayEquals("<scr/>".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
            assertFalse(content.getEntry("missing").isPresent());
            assertTrue(content.getHeaders().isEmpty(), "the framework reads the manifest itself");
        } finally {
            content.close();
        }
    }

    @Test
    void aKeptConnectLocationOffTheClassPathGetsAFrameworkLoader() throws Exception {
        Path on = jar();
        ClassPathConnector now = new ClassPathConnector(Set.of(), getClass().getClassLoader());
        ConnectContent content = now.connect("connect:" + on.toUri()).orElseThrow().getContent();
        assertTrue(content.getClassLoader().isEmpty());
        assertTrue(now.connect("connect:" + tmp.resolve("gone.jar").toUri()).isEmpty());
        assertTrue(now.connect("reference:" + on.toUri()).isEmpty());
    }
}
