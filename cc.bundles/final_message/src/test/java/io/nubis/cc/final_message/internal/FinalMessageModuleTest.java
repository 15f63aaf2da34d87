package io.nubis.cc.final_message.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nubis.api.template.TemplateRenderer;
import io.nubis.testkit.TempTarget;
import io.nubis.testkit.TestModuleContext;

class FinalMessageModuleTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-31T12:00:05Z"), ZoneOffset.UTC);
    static final Map<String, Object> DATA = Map.of(
            "nubis", Map.of("version", "22.4", "datasource", "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]"),
            "v1", Map.of("platform", "nocloud"));

    @TempDir
    Path dir;

    private final AtomicInteger rendererAsked = new AtomicInteger();

    private FinalMessageModule module(TemplateRenderer r) {
        return new FinalMessageModule(() -> {
            rendererAsked.incrementAndGet();
            return r;
        }, () -> "12.34", CLOCK);
    }

    @Test
    void defaultMessageAndBootFinished() throws Exception {
        TempTarget target = TempTarget.in(dir);
        TestModuleContext ctx = TestModuleContext.builder("final_message").instanceId("iid-1").instanceData(DATA)
                .target(target).build();
        module(null).run(ctx);
        assertEquals(List.of("Cloud-init v. 22.4 finished at Wed, 31 Jan 2024 12:00:05 +0000. Datasource "
                + "DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net].  Up 12.34 seconds"),
                ctx.consoleLines());
        assertEquals("12.34 - Wed, 31 Jan 2024 12:00:05 +0000 - v. 22.4\n",
                target.text("/var/lib/cloud/instances/iid-1/boot-finished"));
        assertEquals(0, rendererAsked.get(), "simple templates must not load the Jinja renderer");
    }

    @Test
    void configuredBasicTemplateWithUpperCaseNames() throws Exception {
        TempTarget target = TempTarget.in(dir);
        TestModuleContext ctx = TestModuleContext.builder("final_message")
                .config("final_message: |\n  Done in $UPTIME s on ${datasource}\n  version $version\n")
                .instanceData(DATA).target(target).build();
        module(null).run(ctx);
        assertEquals(List.of("Done in 12.34 s on DataSourceNoCloud [seed=/var/lib/cloud/seed/nocloud][dsmode=net]",
                "version 22.4"), ctx.consoleLines());
    }

    @Test
    void argumentWinsAndUndefinedJinjaVariablesAreMarked() throws Exception {
        TempTarget target = TempTarget.in(dir);
        TestModuleContext ctx = TestModuleContext.builder("final_message").config("final_message: ignored\n")
                .args("## template: jinja\nup {{ uptime }} {{ nothing }}\n").instanceData(DATA).target(target)
                .build();
        module(null).run(ctx);
        assertEquals(List.of("up 12.34 CI_MISSING_JINJA_VAR/nothing"), ctx.consoleLines());
    }

    @Test
    void jinjaStatementsGoToTheRenderer() throws Exception {
        TempTarget target = TempTarget.in(dir);
        TemplateRenderer r = (tpl, vars) -> "rendered " + tpl.strip() + " with " + vars.get("VERSION");
        TestModuleContext ctx = TestModuleContext.builder("final_message")
                .config("final_message: \"## template: jinja\\n{% if true %}ok{% endif %}\"\n")
                .instanceData(DATA).target(target).build();
        module(r).run(ctx);
        assertEquals(List.of("rendered {% if true %}ok{% endif %} with 22.4"), ctx.consoleLines());
        assertEquals(1, rendererAsked.get());
    }

    @Test
    void unrenderableMessageIsLoggedButBootFinishedIsWritten() throws Exception {
        TempTarget target = TempTarget.in(dir);
        TestModuleContext ctx = TestModuleContext.builder("final_message").config("final_message: \"cost $price\"\n")
                .instanceId("iid-2").instanceData(DATA).target(target).build();
        module(null).run(ctx);
        assertEquals(List.of(), ctx.consoleLines());
        assertTrue(target.exists("/var/lib/cloud/instances/iid-2/boot-finished"));
    }

    @Test
    void withoutEngineDataTheVersionIsUnknownAndTheDatasourceIsThePlatform() throws Exception {
        TempTarget target = TempTarget.in(dir);
        TestModuleContext ctx = TestModuleContext.builder("final_message")
                .instanceData(Map.of("v1", Map.of("platform", "none"))).target(target).build();
        module(null).run(ctx);
        assertEquals(List.of("Cloud-init v. unknown finished at Wed, 31 Jan 2024 12:00:05 +0000. Datasource none.  "
                + "Up 12.34 seconds"), ctx.consoleLines());
        assertFalse(target.text("/var/lib/cloud/instances/iid-test/boot-finished").isEmpty());
    }

    @Test
    void componentMetadataDeclaresTheModule() throws Exception {
        String xml;
        try (InputStream in = getClass().getResourceAsStream(
                "/OSGI-INF/io.nubis.cc.final_message.internal.FinalMessageModule.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("name=\"nubis.module\" type=\"String\" value=\"final_message\""), xml);
        assertTrue(xml.contains("name=\"stage\" type=\"String\" value=\"final\""), xml);
        assertTrue(xml.contains("name=\"frequency\" type=\"String\" value=\"always\""), xml);
        assertTrue(xml.contains("name=\"idempotent\" type=\"Boolean\" value=\"true\""), xml);
        // it marks the end of the boot: it declares no resources, so it never runs beside another module
        assertFalse(xml.contains("name=\"touches\""), xml);
        assertTrue(xml.contains("cardinality=\"0..1\""), xml);
        try (InputStream in = getClass().getResourceAsStream("/schema/final_message.json")) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"final_message\""));
        }
    }
}
