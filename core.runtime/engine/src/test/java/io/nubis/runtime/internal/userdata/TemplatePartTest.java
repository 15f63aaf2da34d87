package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.text;
import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.nubis.api.template.TemplateRenderer;

class TemplatePartTest {
    private final Fixtures.PathRenderer renderer = new Fixtures.PathRenderer();
    private final AtomicInteger rendererLookups = new AtomicInteger();
    private final AtomicInteger instanceDataReads = new AtomicInteger();

    private static Map<String, Object> instanceData() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("instance_id", "i-123");
        v1.put("local-hostname", "web1");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("v1", v1);
        data.put("ds", Map.of("meta_data", Map.of("region", "eu-1")));
        return data;
    }

    private ProcessedUserData process(String s, Map<String, Object> data) {
        UserDataProcessor p = new UserDataProcessor(null, null, () -> {
            rendererLookups.incrementAndGet();
            return renderer;
        }, null);
        return p.process(UserDataKind.USER_DATA, utf8(s), () -> {
            instanceDataReads.incrementAndGet();
            return data;
        }, null);
    }

    @Test
    void cloudConfigTemplateIsRenderedWithInstanceDataVariables() {
        ProcessedUserData d = process("## template: jinja\n#cloud-config\nhostname: {{ v1.local_hostname }}\n"
                + "id: {{ instance_id }}\nregion: {{ ds.meta_data.region }}\n", instanceData());
        assertEquals(List.of(), d.findings());
        assertEquals(1, d.cloudConfigs().size());
        CloudConfigDocument c = d.cloudConfigs().get(0);
        assertEquals("#cloud-config\nhostname: web1\nid: i-123\nregion: eu-1\n", c.text());
        assertEquals("text/jinja2", c.contentType());
        assertEquals("user-data part 1 (text/jinja2)", c.label());
        assertEquals("text/jinja2", d.parts().get(0).contentType());
        assertEquals(1, renderer.calls);
    }

    @Test
    void scriptAndBoothookTemplatesBecomeScriptsAndBoothooks() {
        ProcessedUserData s = process("## template: jinja\n#!/bin/sh\necho {{ v1.instance_id }}\n", instanceData());
        assertEquals("#!/bin/sh\necho i-123\n", text(s.scripts().get(0).content()));
        assertEquals("part-001", s.scripts().get(0).name());
        assertEquals("text/jinja2", s.scripts().get(0).contentType());
        ProcessedUserData b = process("## template: jinja\n#cloud-boothook\necho {{ v1.instance_id }}\n",
                instanceData());
        assertEquals("echo i-123\n", text(b.boothooks().get(0).content()));
    }

    @Test
    void templateInMimePartKeepsItsMergeType() {
        ProcessedUserData d = process("Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n--B\n"
                + "Content-Type: text/jinja2\nMerge-Type: list(append)\n\n## template: jinja\n#cloud-config\n"
                + "a: {{ v1.instance_id }}\n--B--\n", instanceData());
        assertEquals("list(append)", d.cloudConfigs().get(0).mergeType());
        assertEquals("#cloud-config\na: i-123", d.cloudConfigs().get(0).text());
    }

    @Test
    void undefinedVariablesAreAWarning() {
        ProcessedUserData d = process("## template: jinja\n#cloud-config\na: {{ v1.nope }}\nb: {{ other }}\n",
                instanceData());
        assertEquals("#cloud-config\na: CI_MISSING_JINJA_VAR/nope\nb: CI_MISSING_JINJA_VAR/other\n",
                d.cloudConfigs().get(0).text());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (text/jinja2)",
                "Could not render jinja template variables: 'nope', 'other'")), d.findings());
    }

    @Test
    void renderErrorDropsThePartWithAnError() {
        ProcessedUserData d = process("## template: jinja\n#cloud-config\n{% fail %}\n", instanceData());
        assertTrue(d.cloudConfigs().isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/jinja2)",
                "Ignoring jinja template: failed to render it: Syntax error: unknown tag 'fail' (line 2)")),
                d.findings());
    }

    @Test
    void renderedContentOfAnotherTypeIsIgnored() {
        ProcessedUserData d = process("## template: jinja\n#include http://x/{{ v1.instance_id }}\n", instanceData());
        assertTrue(d.isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (text/jinja2)",
                "Ignoring jinja template: it renders to text/x-include-url, but only cloud-config, shell scripts"
                        + " and boothooks can be templates")), d.findings());
    }

    @Test
    void withoutInstanceDataTheTemplateIsAnError() {
        ProcessedUserData d = process("## template: jinja\n#cloud-config\na: 1\n", null);
        assertTrue(d.isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/jinja2)",
                "cannot render the jinja template: instance data is not available yet: ignored")), d.findings());
        assertEquals(0, rendererLookups.get());
    }

    @Test
    void withoutRendererTheTemplateIsAnError() {
        ProcessedUserData d = new UserDataProcessor(null, null, () -> null, null).process(UserDataKind.USER_DATA,
                utf8("## template: jinja\n#cloud-config\na: 1\n"), TemplatePartTest::instanceData, null);
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/jinja2)",
                "cannot render the jinja template: no template renderer (the io.nubis.jinja bundle) is available:"
                        + " ignored")), d.findings());
    }

    @Test
    void rendererAndInstanceDataAreOnlyAskedForTemplatesAndOnce() {
        process("#cloud-config\na: 1\n", instanceData());
        assertEquals(0, rendererLookups.get());
        assertEquals(0, instanceDataReads.get());
        process("Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
                + "--B\nContent-Type: text/jinja2\n\n## template: jinja\n#cloud-config\na: 1\n"
                + "--B\nContent-Type: text/jinja2\n\n## template: jinja\n#!/bin/sh\n--B--\n", instanceData());
        assertEquals(1, rendererLookups.get());
        assertEquals(1, instanceDataReads.get());
        assertEquals(2, renderer.calls);
    }

    @Test
    void variablesFollowTheReferenceConversion() {
        process("## template: jinja\n#cloud-config\n", instanceData());
        Map<String, Object> v = renderer.lastVariables;
        assertEquals("i-123", v.get("instance_id"));
        assertEquals("web1", v.get("local_hostname"));
        assertEquals("web1", ((Map<?, ?>) v.get("v1")).get("local_hostname"));
        assertEquals("web1", ((Map<?, ?>) v.get("v1")).get("local-hostname"));
    }

    @Test
    void unknownTemplateTypeIsAnError() {
        ProcessedUserData d = process("## template: jinja2x\n#cloud-config\n", instanceData());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/jinja2)",
                "unknown template type in '## template: jinja2x' (expected '## template: jinja'): ignored")),
                d.findings());
        ProcessedUserData e = process("Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n--B\n"
                + "Content-Type: text/jinja2\n\n## template: basic\n#cloud-config\n--B--\n", instanceData());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/jinja2)",
                "unknown template type in '## template: basic' (expected '## template: jinja'): ignored")),
                e.findings());
    }

    @Test
    void markerPrefixIsTheApiConstant() {
        assertEquals("CI_MISSING_JINJA_VAR/", TemplateRenderer.MISSING_PREFIX);
        assertNull(new UserDataProcessor(null, null, null, null).process(UserDataKind.USER_DATA, utf8("#!/bin/sh"))
                .parts().get(0).launchIndex());
    }
}
