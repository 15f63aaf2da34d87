package io.nubis.jinja.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.runtime.internal.userdata.Finding;
import io.nubis.runtime.internal.userdata.ProcessedUserData;
import io.nubis.runtime.internal.userdata.UserDataKind;
import io.nubis.runtime.internal.userdata.UserDataProcessor;

/** {@code ## template: jinja} user-data through the engine's processor and this renderer. */
class UserDataTemplateTest {
    private static Map<String, Object> instanceData() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("cloud_name", "nocloud");
        v1.put("instance_id", "iid-local01");
        v1.put("local_hostname", "myhost");
        v1.put("availability_zone", null);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("instance-id", "iid-local01");
        meta.put("local-hostname", "myhost.example.com");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("base64_encoded_keys", List.of());
        data.put("ds", Map.of("meta_data", meta));
        data.put("v1", v1);
        return data;
    }

    private static ProcessedUserData process(String userData) {
        JinjavaRenderer renderer = new JinjavaRenderer();
        return new UserDataProcessor(null, null, () -> renderer, null).process(UserDataKind.USER_DATA,
                userData.getBytes(StandardCharsets.UTF_8), UserDataTemplateTest::instanceData, null);
    }

    @Test
    void cloudConfigTemplate() {
        ProcessedUserData d = process("""
                ## template: jinja
                #cloud-config
                hostname: {{ v1.local_hostname }}
                fqdn: {{ ds.meta_data.local_hostname }}
                {% if v1.cloud_name == 'nocloud' %}
                runcmd:
                  - echo {{ ds.meta_data['instance-id'] }} {{ instance_id }} {{ v1.availability_zone }}
                {% endif %}
                missing: {{ v1.nope }}
                """);
        assertEquals("""
                #cloud-config
                hostname: myhost
                fqdn: myhost.example.com
                runcmd:
                  - echo iid-local01 iid-local01 None
                missing: CI_MISSING_JINJA_VAR/nope
                """, d.cloudConfigs().get(0).text());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (text/jinja2)",
                "Could not render jinja template variables: 'nope'")), d.findings());
    }

    @Test
    void pythonStrMethodsInCloudConfigTemplate() {
        ProcessedUserData d = process("""
                ## template: jinja
                #cloud-config
                hostname: {{ v1.local_hostname }}-x
                {% if v1.instance_id.startswith("iid-") %}
                final_message: "templated {{ v1.instance_id | upper }} {{ '-'.join(v1.instance_id.split('-')[1:]) }}"
                {% endif %}
                """);
        assertEquals("""
                #cloud-config
                hostname: myhost-x
                final_message: "templated IID-LOCAL01 local01"
                """, d.cloudConfigs().get(0).text());
        assertEquals(List.of(), d.findings());
    }

    @Test
    void scriptTemplate() {
        ProcessedUserData d = process("## template: jinja\n#!/bin/sh\necho '{{ v1.instance_id | upper }}'\n");
        assertEquals("#!/bin/sh\necho 'IID-LOCAL01'\n",
                new String(d.scripts().get(0).content(), StandardCharsets.UTF_8));
    }

    @Test
    void syntaxErrorDropsThePart() {
        ProcessedUserData d = process("## template: jinja\n#cloud-config\n{% if %}\na: 1\n{% endif %}\n");
        assertEquals(List.of(), d.cloudConfigs());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/jinja2)",
                "Ignoring jinja template: failed to render it: Syntax error in '{% if %}': Tag 'if' expects"
                        + " expression (line 2)")), d.findings());
    }
}
