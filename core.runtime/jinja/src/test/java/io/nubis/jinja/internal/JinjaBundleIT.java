package io.nubis.jinja.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * Runs the built bundle in a bare Felix with SCR, where only the JRE (and org.slf4j, from the
 * class path) is there besides the Nubis API and the Jackson and SnakeYAML bundles the assemblies
 * carry: the bundle must resolve, register its renderer service and render templates that reach
 * into the embedded libraries.
 */
class JinjaBundleIT {
    private static final String SERVICE = "io.nubis.api.template.TemplateRenderer";
    private static Framework framework;
    private static Bundle jinja;

    @BeforeAll
    static void start() throws Exception {
        Path storage = Path.of(System.getProperty("nubis.it.storage"));
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.slf4j;version=2.0.17");
        framework = new FrameworkFactory().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("nubis.it.bundles")))) {
            for (Path jar : jars.sorted().toList()) {
                installed.add(ctx.installBundle(jar.toUri().toString()));
            }
        }
        jinja = ctx.installBundle(new File(System.getProperty("nubis.it.bundle")).toURI().toString());
        installed.add(jinja);
        for (Bundle b : installed) {
            b.start();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void bundleIsActiveAndServiceRendersThroughEmbeddedLibraries() throws Exception {
        assertEquals(Bundle.ACTIVE, jinja.getState());
        Object renderer = service();
        Map<String, Object> vars = Map.of("v1", Map.of("instance_id", "i-9", "tags", List.of("a", "b")));
        assertEquals("i-9 I-9 CI_MISSING_JINJA_VAR/nope a+b {\"instance_id\":\"i-9\"} True x-y 1 True a,b\n",
                render(renderer, "{{ v1.instance_id }} {{ v1.instance_id | upper }} {{ v1.nope }} "
                        + "{{ v1.tags | join('+') }} {{ {'instance_id': v1.instance_id} | tojson }} "
                        + "{{ '2001:db8:0::1' | ipaddr }} {{ 'x_y' | regex_replace('_', '-') }} {{ ('a: 1' | fromyaml).a }} "
                        + "{{ v1.instance_id.startswith(('x', 'i-')) }} {{ ','.join(v1.tags) }}\n",
                vars));
    }

    @Test
    void errorsAreTheApiException() throws Exception {
        Object renderer = service();
        InvocationTargetException e = assertThrows(InvocationTargetException.class,
                () -> render(renderer, "{% if %}", Map.of()));
        assertEquals("io.nubis.api.template.TemplateException", e.getCause().getClass().getName());
    }

    @Test
    void componentIsDelayed() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("nubis.it.bundle"))) {
            String xml = new String(jar.getInputStream(
                    jar.getEntry("OSGI-INF/io.nubis.jinja.internal.JinjavaRenderer.xml")).readAllBytes());
            assertFalse(xml.contains("immediate=\"true\""), xml);
            assertTrue(xml.contains("<provide interface=\"" + SERVICE + "\"/>"), xml);
        }
    }

    @Test
    void mandatoryImportsAreOnlySlf4jTheNubisApiAndJackson() throws IOException {
        Manifest mf;
        try (JarFile jar = new JarFile(System.getProperty("nubis.it.bundle"))) {
            mf = jar.getManifest();
        }
        String imports = mf.getMainAttributes().getValue("Import-Package");
        assertNotNull(imports);
        assertNull(mf.getMainAttributes().getValue("Export-Package"));
        List<String> mandatory = new ArrayList<>();
        Matcher m = Pattern.compile("((?:[^,\"]|\"[^\"]*\")+)").matcher(imports);
        while (m.find()) {
            String clause = m.group(1).trim();
            if (!clause.contains("resolution:=optional")) {
                mandatory.add(clause.split(";")[0]);
            }
        }
        assertEquals(List.of("org.slf4j", "io.nubis.api.template"), mandatory.subList(0, 2));
        // Jackson comes from the assemblies' bundles, at the root pom's version; nothing else is imported
        for (String pkg : mandatory.subList(2, mandatory.size())) {
            assertTrue(pkg.startsWith("com.fasterxml.jackson.") || pkg.startsWith("org.yaml.snakeyaml"), pkg);
        }
        assertTrue(mandatory.contains("com.fasterxml.jackson.databind"), mandatory.toString());
    }

    private static Object service() throws Exception {
        BundleContext ctx = framework.getBundleContext();
        for (int i = 0; i < 100; i++) {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(SERVICE, "(nubis.template=jinja)");
            if (refs != null && refs.length > 0) {
                return ctx.getService(refs[0]);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + SERVICE + " service registered");
    }

    private static String render(Object renderer, String template, Map<String, Object> vars) throws Exception {
        Method m = renderer.getClass().getMethod("render", String.class, Map.class);
        m.setAccessible(true);
        return (String) m.invoke(renderer, template, vars);
    }
}
