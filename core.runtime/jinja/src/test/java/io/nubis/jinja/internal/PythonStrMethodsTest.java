package io.nubis.jinja.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.nubis.api.template.TemplateException;

/**
 * Python {@code str} methods in templates, through the whole renderer. Every expected text is
 * what Python 3.11's Jinja2 3.1 renders for the same template and values.
 */
class PythonStrMethodsTest {
    private static final JinjavaRenderer RENDERER = new JinjavaRenderer(100_000, 3_000);

    private static String render(String template) throws TemplateException {
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("instance_id", "iid-0abc");
        v1.put("public_ssh_keys", List.of("ssh-ed25519 AAAA one", "ssh-rsa BBBB two"));
        v1.put("csv", "a,b,,c");
        v1.put("ws", "  one \t two\n three  ");
        v1.put("n", "2024");
        v1.put("mixed", "hello wORLD it's 1st");
        v1.put("u", "naïve 𝒳yz 𝒳");
        v1.put("port", 22L);
        return RENDERER.render(template, Map.of("v1", v1));
    }

    private static String failure(String template) {
        return assertThrows(TemplateException.class, () -> render(template)).getMessage();
    }

    @Test
    void startswith() throws Exception {
        assertEquals("True False", render("{{ v1.instance_id.startswith(\"iid-\") }} {{ v1.instance_id.startswith(\"i-\") }}"));
        assertEquals("nocloud", render("{% if v1.instance_id.startswith('iid-') %}nocloud{% else %}other{% endif %}"));
    }

    @Test
    void startswithTupleOfPrefixes() throws Exception {
        assertEquals("True False", render("{{ v1.instance_id.startswith((\"i-\", \"iid-\")) }} "
                + "{{ v1.instance_id.startswith((\"x\", \"y\")) }}"));
        assertEquals("True", render("{{ 'a'.startswith(('a', 1)) }}"), "Python stops at the first match");
    }

    @Test
    void startswithStartAndEndAreSliceBounds() throws Exception {
        assertEquals("True False True True False", render("{{ v1.instance_id.startswith(\"0a\", 4) }} "
                + "{{ v1.instance_id.startswith(\"0a\", 4, 5) }} {{ v1.instance_id.startswith(\"bc\", -2) }} "
                + "{{ v1.instance_id.startswith(\"\", 8) }} {{ v1.instance_id.startswith(\"\", 9) }}"));
    }

    @Test
    void endswith() throws Exception {
        assertEquals("True True True False", render("{{ v1.instance_id.endswith(\"abc\") }} "
                + "{{ v1.instance_id.endswith(\"iid\", 0, 3) }} {{ v1.instance_id.endswith((\"q\", \"c\")) }} "
                + "{{ v1.instance_id.endswith(\"c\", 0, -1) }}"));
    }

    @Test
    void splitOnSeparator() throws Exception {
        assertEquals("['a', 'b', '', 'c']", render("{{ v1.csv.split(\",\") }}"));
        assertEquals("['a', 'b,,c']", render("{{ v1.csv.split(\",\", 1) }}"));
        assertEquals("['a,b', 'c'] [''] ['a', 'b', 'c'] ['a.b.c']",
                render("{{ v1.csv.split(\",,\") }} {{ \"\".split(\",\") }} {{ 'a.b.c'.split('.') }} {{ 'a.b.c'.split('.', 0) }}"));
        assertEquals("['a', 'b', ',c']", render("{{ v1.csv.split(sep=\",\", maxsplit=2) }}"));
        assertEquals("b", render("{{ v1.csv.split(',')[1] }}"));
    }

    @Test
    void splitWithoutSeparatorSplitsOnWhitespaceRuns() throws Exception {
        assertEquals("['one', 'two', 'three'] [] []", render("{{ v1.ws.split() }} {{ ''.split() }} {{ '   '.split() }}"));
        assertEquals("one|two\n three  |one|two\n three  ",
                render("{{ v1.ws.split(None, 1)|join('|') }}|{{ v1.ws.split(maxsplit=1)|join('|') }}"));
    }

    @Test
    void stripLstripRstrip() throws Exception {
        assertEquals("[one \t two\n three] [one \t two\n three  ] [  one \t two\n three]",
                render("[{{ v1.ws.strip() }}] [{{ v1.ws.lstrip() }}] [{{ v1.ws.rstrip() }}]"));
        assertEquals("[hi] [hixyx] [xxhi] [hi]", render("[{{ 'xxhixyx'.strip('xy') }}] [{{ 'xxhixyx'.lstrip('x') }}] "
                + "[{{ 'xxhixyx'.rstrip('xy') }}] [{{ '\u00a0hi\u3000'.strip() }}]"));
    }

    @Test
    void lowerUpper() throws Exception {
        assertEquals("hello world it's 1st|HELLO WORLD IT'S 1ST|STRASSE",
                render("{{ v1.mixed.lower() }}|{{ v1.mixed.upper() }}|{{ 'straße'.upper() }}"));
    }

    @Test
    void titleAndCapitalize() throws Exception {
        assertEquals("Hello World It'S 1St|Hello world it's 1st||ǅemal",
                render("{{ v1.mixed.title() }}|{{ v1.mixed.capitalize() }}|{{ ''.capitalize() }}|{{ 'ǆemal'.title() }}"));
    }

    @Test
    void replace() throws Exception {
        assertEquals("a;b;;c a;b;,c -a-b-c- -a-bc aaa", render("{{ v1.csv.replace(',', ';') }} "
                + "{{ v1.csv.replace(',', ';', 2) }} {{ 'abc'.replace('', '-') }} {{ 'abc'.replace('', '-', 2) }} "
                + "{{ 'aaa'.replace('a', 'b', 0) }}"));
    }

    @Test
    void count() throws Exception {
        assertEquals("3 2 2 1 4 1 0", render("{{ 'banana'.count('a') }} {{ 'aaaa'.count('aa') }} "
                + "{{ 'banana'.count('a', 2) }} {{ 'banana'.count('a', 2, -2) }} {{ 'abc'.count('') }} "
                + "{{ 'abc'.count('', 3) }} {{ 'abc'.count('', 5) }}"));
    }

    @Test
    void findCountsCodePoints() throws Exception {
        assertEquals("2 4 -1 3 -1 5 7 10", render("{{ 'banana'.find('na') }} {{ 'banana'.find('na', 3) }} "
                + "{{ 'banana'.find('x') }} {{ 'abc'.find('', 3) }} {{ 'abc'.find('', 4) }} {{ 'banana'.find('a', -2) }} "
                + "{{ v1.u.find('yz') }} {{ v1.u.find('𝒳', 7) }}"));
        assertEquals("True True 1", render("{{ v1.u.startswith('𝒳', 6) }} {{ v1.u.endswith('yz', 0, 9) }} "
                + "{{ v1.u.count('𝒳', 7) }}"));
        assertEquals("3", render("{{ 'banana'.find('a') + 2 }}"), "find gives a number usable in arithmetic");
    }

    @Test
    void join() throws Exception {
        assertEquals("ssh-ed25519 AAAA one,ssh-rsa BBBB two|a-b-c||k+j", render("{{ ','.join(v1.public_ssh_keys) }}|"
                + "{{ '-'.join('abc') }}|{{ ', '.join([]) }}|{{ '+'.join({'k': 1, 'j': 2}) }}"));
    }

    @Test
    void isdigit() throws Exception {
        assertEquals("True False False True False", render("{{ v1.n.isdigit() }} {{ '12a'.isdigit() }} "
                + "{{ ''.isdigit() }} {{ '²3'.isdigit() }} {{ '-1'.isdigit() }}"));
    }

    @Test
    void methodsChain() throws Exception {
        assertEquals("0abc", render("{{ v1.instance_id.upper().replace('-', '_').lower().split('_')[1] }}"));
    }

    @Test
    void javaStringMethodsOutsideTheSetStillWork() throws Exception {
        assertEquals("8 iid", render("{{ v1.instance_id.length() }} {{ v1.instance_id.substring(0, 3) }}"));
    }

    @Test
    void badArgumentsFailWithPythonsComplaint() {
        assertTrue(failure("{{ 'a'.split('') }}").contains("empty separator"));
        assertTrue(failure("{{ 'a'.startswith(1) }}").contains("startswith first arg must be str or a tuple of str, not int"));
        assertTrue(failure("{{ 'a'.startswith(('b', 1)) }}").contains("tuple for startswith must only contain str, not int"));
        assertEquals("sequence item 1: expected str instance, int found (line 2)", failure("x\n{{ ','.join(['a', v1.port]) }}"));
        assertTrue(failure("{{ 'a'.lower(1) }}").contains("str.lower() takes no arguments (1 given)"));
        assertTrue(failure("{{ 'a'.startswith() }}").contains("str.startswith() takes from 1 to 3 arguments (0 given)"));
        assertTrue(failure("{{ 'a'.replace('a') }}").contains("str.replace() takes from 2 to 3 arguments (1 given)"));
        assertTrue(failure("{{ 'a'.find('a', 'x') }}").contains("slice indices must be integers or None"));
        assertTrue(failure("{{ 'a'.split(sep=',', foo=1) }}").contains("unexpected keyword argument 'foo'"));
        assertTrue(failure("{{ 'a'.strip(chars='x') }}").contains("str.strip() takes no keyword arguments"));
    }

    @Test
    void unknownMethodStillFailsNamingIt() {
        assertEquals("Cannot find method zfill with 1 parameters in class java.lang.String (line 2)",
                failure("x\n{{ v1.instance_id.zfill(5) }}"));
    }
}
