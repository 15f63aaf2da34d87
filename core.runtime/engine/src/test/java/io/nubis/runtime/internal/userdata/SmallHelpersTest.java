package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SmallHelpersTest {
    @Test
    void sniffPrefersTheLongestMarker() {
        assertEquals("text/cloud-config-archive", ContentTypes.sniff(utf8("#cloud-config-archive\n")));
        assertEquals("text/cloud-config-jsonp", ContentTypes.sniff(utf8("#cloud-config-jsonp\n")));
        assertEquals("text/cloud-config", ContentTypes.sniff(utf8("#cloud-config\n")));
        assertEquals("text/x-include-once-url", ContentTypes.sniff(utf8("#include-once\n")));
        assertEquals("text/x-include-url", ContentTypes.sniff(utf8("#include\n")));
        assertEquals("text/x-shellscript", ContentTypes.sniff(utf8("#!")));
        assertEquals("text/cloud-boothook", ContentTypes.sniff(utf8("\t#CLOUD-BOOTHOOK")));
        assertEquals("text/part-handler", ContentTypes.sniff(utf8("#part-handler")));
        assertEquals("text/jinja2", ContentTypes.sniff(utf8("## template: jinja\n")));
        assertNull(ContentTypes.sniff(utf8("##template: jinja\n")));
        assertNull(ContentTypes.sniff(utf8("# cloud-config")));
        assertNull(ContentTypes.sniff(new byte[0]));
    }

    @Test
    void contentTypesAreNormalised() {
        assertEquals("text/x-shellscript", ContentTypes.normalize(" Text/X-ShellScript; charset=\"utf-8\""));
        assertNull(ContentTypes.normalize("textplain"));
        assertNull(ContentTypes.normalize("text/"));
        assertNull(ContentTypes.normalize("a/b/c"));
        assertNull(ContentTypes.normalize(null));
    }

    @Test
    void headerParameters() {
        assertEquals(Map.of("filename", "a \"b\".sh"),
                HeaderParams.parse("attachment; filename=\"a \\\"b\\\".sh\""));
        assertEquals(Map.of("charset", "us-ascii", "name", "x"),
                HeaderParams.parse("text/plain; charset=us-ascii; name=x"));
        assertEquals(Map.of("filename", "\u00e9t\u00e9"), HeaderParams.parse("attachment; filename*=UTF-8''%C3%A9t%C3%A9"));
        assertEquals(Map.of(), HeaderParams.parse("attachment; junk"));
    }

    @Test
    void textHelpers() {
        assertEquals("a_b_c.sh", Text.cleanFilename(" a/b/c.sh "));
        assertEquals("(x)-y_z.1", Text.cleanFilename("(x)-y_z.1;|&`"));
        assertArrayEquals(utf8("a\nb\r\rc\n"), Text.dos2unix(utf8("a\r\nb\r\rc\r\n")));
        assertEquals("tab\\x09x", Text.preview(utf8("tab\tx\nmore"), 24));
        assertEquals("a b", Text.oneLine("a\nb"));
        assertNull(Text.strictUtf8(new byte[] {(byte) 0xc3}));
    }

    @Test
    void base64IsLenientLikePython() {
        assertArrayEquals(utf8("hi"), MimeReader.base64(utf8("aGk")));
        assertArrayEquals(utf8("hi"), MimeReader.base64(utf8("a G\nk=")));
        assertNull(MimeReader.base64(utf8("aGkxQ")));
    }
}
