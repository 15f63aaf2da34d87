package io.nubis.runtime.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

import io.nubis.api.capability.Namespaces;
import io.nubis.runtime.internal.plugin.PluginInfo;

class SchemaSourcesTest {
    @TempDir
    Path bundleRoot;
    final List<String> entriesAsked = new ArrayList<>();

    private PluginInfo module(String name, Map<String, Object> props) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getSymbolicName" -> "io.nubis.cc." + name;
                    case "getEntry" -> {
                        entriesAsked.add((String) args[0]);
                        Path f = bundleRoot.resolve(((String) args[0]).replaceFirst("^/", ""));
                        yield Files.exists(f) ? f.toUri().toURL() : null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        ServiceReference<?> ref = (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (p, m, args) -> {
                    if (m.getName().equals("getBundle")) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return new PluginInfo(Namespaces.MODULE, name, 0, "io.nubis.cc." + name, props, ref);
    }

    @Test
    void readsTheNamedBundleEntryWithoutLoadingTheModule() throws Exception {
        Files.createDirectories(bundleRoot.resolve("schema"));
        Files.writeString(bundleRoot.resolve("schema/users.json"), fixture());
        SchemaFragment f = SchemaSources.fragment(module("users_groups", Map.of("schema", "schema/users.json",
                "keys", new String[] {"users", "groups"})));
        assertEquals("io.nubis.cc.users_groups!/schema/users.json", f.source());
        assertEquals(fixture(), f.json());
        assertEquals(List.of("users", "groups"), f.keys());
        assertNull(f.problem());
        assertEquals(List.of("schema/users.json"), entriesAsked);
    }

    @Test
    void missingResourceOrSchemaKeepsTheKeys() {
        SchemaFragment missing = SchemaSources.fragment(module("ntp", Map.of("schema", "schema/ntp.json", "keys",
                new String[] {"ntp"})));
        assertEquals("no such resource in the bundle", missing.problem());
        assertEquals(List.of("ntp"), missing.keys());
        SchemaFragment none = SchemaSources.fragment(module("runcmd", Map.of("keys", new String[] {"runcmd"})));
        assertNull(none.json());
        assertNull(none.problem());
        assertEquals("io.nubis.cc.runcmd (module runcmd, no schema)", none.source());
        SchemaValidator v = new SchemaValidator(List.of(missing, none));
        assertEquals(List.of(), v.validate(Map.of("ntp", Map.of("enabled", true), "runcmd", List.of("ls")),
                SchemaType.CLOUD_CONFIG).errors());
    }

    private static String fixture() throws Exception {
        try (InputStream in = SchemaSourcesTest.class.getResourceAsStream("/schema-fixtures/users.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void facadeClassesDoNotReferToTheSchemaLibraryOrJackson() throws Exception {
        for (String cls : List.of("SchemaValidator", "SchemaReport", "SchemaProblem", "SchemaFragment", "SchemaSources",
                "SchemaTool", "PyRepr")) {
            try (InputStream in = SchemaValidator.class.getResourceAsStream(cls + ".class")) {
                String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains("com/networknt"), cls + " must not load the schema library");
                assertFalse(bytes.contains("com/fasterxml"), cls + " must not load Jackson");
            }
        }
    }
}
