package io.nubis.jinja.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.template.TemplateException;

class JinjavaRendererTest {
    private static final JinjavaRenderer RENDERER = new JinjavaRenderer(100_000, 3_000);

    private static Map<String, Object> vars() {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("instance_id", "i-0abc");
        v1.put("local_hostname", "myhost");
        v1.put("region", null);
        v1.put("public_ssh_keys", List.of("ssh-ed25519 AAAA one", "ssh-rsa BBBB two"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("local-hostname", "myhost.example.com");
        meta.put("tags", new LinkedHashMap<>(Map.of("role", "web")));
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("meta_data", meta);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("v1", v1);
        vars.put("ds", ds);
        vars.put("instance_id", "i-0abc");
        return vars;
    }

    private static String render(String template) throws TemplateException {
        return RENDERER.render(template, vars());
    }

    @Test
    void rendersVariablesAttributesAndItems() throws Exception {
        assertEquals("#cloud-config\nhostname: myhost\nid: i-0abc i-0abc\nhost: myhost.example.com\nrole: web\n",
                render("#cloud-config\nhostname: {{ v1.local_hostname }}\nid: {{ v1.instance_id }} {{ instance_id }}\n"
                        + "host: {{ ds.meta_data['local-hostname'] }}\nrole: {{ ds.meta_data.tags.role }}\n"));
    }

    @Test
    void undefinedNamesRenderAsCloudInitMarker() throws Exception {
        assertEquals("a=CI_MISSING_JINJA_VAR/nothing b=CI_MISSING_JINJA_VAR/absent c=CI_MISSING_JINJA_VAR/nokey",
                render("a={{ nothing }} b={{ v1.absent }} c={{ ds.meta_data['nokey'] }}"));
    }

    @Test
    void nullValuesRenderAsPythonNoneAndBooleansAsPython() throws Exception {
        assertEquals("None None True False", render("{{ v1.region }} {{ none }} {{ true }} {{ 1 > 2 }}"));
    }

    @Test
    void attributeOfUndefinedIsAnErrorWithLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("ok\n{{ missing.sub }}"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("'missing' is undefined"), e.getMessage());
    }

    @Test
    void undefinedIsFalsyAndNotDefined() throws Exception {
        assertEquals("no-no-yes", render("{% if nothing %}yes{% else %}no{% endif %}-"
                + "{{ 'yes' if nothing is defined else 'no' }}-{{ 'yes' if v1 is defined else 'no' }}"));
    }

    @Test
    void trimBlocksRemovesNewlineAfterBlockTags() throws Exception {
        assertEquals("runcmd:\n  - echo ssh-ed25519 AAAA one\n  - echo ssh-rsa BBBB two\n",
                render("runcmd:\n{% for k in v1.public_ssh_keys %}\n  - echo {{ k }}\n{% endfor %}\n"));
    }

    @Test
    void trailingNewlineIsKeptAndNotAdded() throws Exception {
        assertEquals("x\n", render("x\n"));
        assertEquals("x", render("x"));
    }

    @Test
    void doStatementAndSetWork() throws Exception {
        assertEquals("['a', 'b']", render("{% set l = ['a'] %}{% do l.append('b') %}{{ l }}"));
    }

    @Test
    void filtersWork() throws Exception {
        assertEquals("MYHOST ssh-ed25519 AAAA one,ssh-rsa BBBB two dflt",
                render("{{ v1.local_hostname | upper }} {{ v1.public_ssh_keys | join(',') }} {{ x | default('dflt') }}"));
    }

    @Test
    void dictIterationGivesKeys() throws Exception {
        assertEquals("role=web;", render("{% for k in ds.meta_data.tags %}{{ k }}={{ ds.meta_data.tags[k] }};{% endfor %}"));
    }

    @Test
    void syntaxErrorsFail() {
        assertThrows(TemplateException.class, () -> render("{% if %}x{% endif %}"));
        assertThrows(TemplateException.class, () -> render("{% if true %}never closed"));
        assertThrows(TemplateException.class, () -> render("{% nosuchtag %}"));
        assertThrows(TemplateException.class, () -> render("{{ v1 | nosuchfilter }}"));
        assertThrows(TemplateException.class, () -> render("{{ 1 is nosuchtest }}"));
        assertThrows(TemplateException.class, () -> render("{{ nosuchfunction(1) }}"));
    }

    @Test
    void templatesCannotLoadOtherTemplatesOrFiles() {
        TemplateException e = assertThrows(TemplateException.class, () -> render("{% include '/etc/shadow' %}"));
        assertTrue(e.getMessage().contains("cannot load"), e.getMessage());
        assertThrows(TemplateException.class, () -> render("{% import '/etc/passwd' as p %}"));
        assertThrows(TemplateException.class, () -> render("{% extends '/etc/passwd' %}"));
    }

    @Test
    void javaReflectionIsNotReachable() {
        assertThrows(TemplateException.class, () -> render("{{ v1.local_hostname.getClass().forName('java.lang.Runtime') }}"));
    }

    @Test
    void valuesAreNotReinterpretedAsTemplates() throws Exception {
        Map<String, Object> vars = Map.of("tag", "{{ 7 * 7 }}{% raw %}");
        assertEquals("{{ 7 * 7 }}{% raw %}", RENDERER.render("{{ tag }}", vars));
    }

    @Test
    void outputIsBounded() {
        JinjavaRenderer small = new JinjavaRenderer(1_000, 3_000);
        assertThrows(TemplateException.class,
                () -> small.render("{% for i in range(500) %}{{ 'xxxxxxxxxx' }}{% endfor %}", Map.of()));
    }

    @Test
    void renderingTimeIsBounded() {
        JinjavaRenderer quick = new JinjavaRenderer(1_000_000, 300);
        long start = System.nanoTime();
        TemplateException e = assertThrows(TemplateException.class, () -> quick.render(
                "{% for i in range(1000) %}{% for j in range(1000) %}{% for k in range(1000) %}"
                        + "{% endfor %}{% endfor %}{% endfor %}", Map.of()));
        assertTrue(e.getMessage().contains("longer than 300 ms"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000);
    }

    @Test
    void nullVariablesAreAnEmptyContext() throws Exception {
        assertEquals("CI_MISSING_JINJA_VAR/a", RENDERER.render("{{ a }}", null));
    }

    @Test
    void rendersConcurrently() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                try {
                    results.add(RENDERER.render("{{ n }}", Map.of("n", n)));
                } catch (TemplateException e) {
                    results.add("error " + e.getMessage());
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of("0", "1", "2", "3"), results.stream().sorted().toList());
    }
}
