package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.gzip;
import static io.nubis.runtime.internal.userdata.Fixtures.text;
import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SimpleFormatsTest {
    private static final UserDataProcessor PROCESSOR = new UserDataProcessor(null, null, null, null);

    static ProcessedUserData process(String s) {
        return PROCESSOR.process(UserDataKind.USER_DATA, utf8(s));
    }

    @Test
    void cloudConfigIsOneDocumentWithProvenance() {
        ProcessedUserData d = process("#cloud-config\nruncmd: [ls]\n");
        assertEquals(1, d.cloudConfigs().size());
        CloudConfigDocument c = d.cloudConfigs().get(0);
        assertEquals("#cloud-config\nruncmd: [ls]\n", c.text());
        assertEquals("user-data part 1 (text/cloud-config)", c.label());
        assertEquals("part-001", c.filename());
        assertEquals("text/cloud-config", c.contentType());
        assertNull(c.mergeType());
        assertFalse(c.jsonPatch());
        assertEquals(List.of(), d.findings());
        assertEquals(1, d.parts().size());
        assertEquals("user-data", d.parts().get(0).origin());
    }

    @Test
    void typeDetectionIgnoresCaseAndLeadingWhitespace() {
        ProcessedUserData d = process("\n\n  #Cloud-Config\na: 1\n");
        assertEquals(1, d.cloudConfigs().size());
        assertEquals("text/cloud-config", d.parts().get(0).contentType());
    }

    @Test
    void shellScriptIsNamedAfterThePartAndLosesCarriageReturns() {
        ProcessedUserData d = process("#!/bin/sh\r\necho hi\r\n");
        assertEquals(1, d.scripts().size());
        ScriptPart s = d.scripts().get(0);
        assertEquals("part-001", s.name());
        assertEquals(ScriptPart.Kind.PART, s.kind());
        assertEquals("#!/bin/sh\necho hi\n", text(s.content()));
        assertEquals("/var/lib/cloud/instance/scripts", s.directory(UserDataKind.USER_DATA));
        assertEquals("/var/lib/cloud/instance/scripts/vendor", s.directory(UserDataKind.VENDOR_DATA));
        assertEquals("text/x-shellscript", s.contentType());
    }

    @Test
    void boothookLosesItsMarkerLine() {
        ProcessedUserData d = process("#cloud-boothook\r\n#!/bin/sh\r\necho $INSTANCE_ID\r\n");
        assertEquals(1, d.boothooks().size());
        BoothookPart b = d.boothooks().get(0);
        assertEquals("#!/bin/sh\necho $INSTANCE_ID\n", text(b.content()));
        assertEquals("part-001", b.name());
        assertTrue(d.scripts().isEmpty());
    }

    @Test
    void partHandlerIsReportedAsUnsupported() {
        ProcessedUserData d = process("#part-handler\ndef list_types():\n    return []\n");
        assertEquals(1, d.partHandlers().size());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (text/part-handler)",
                "part-handlers are Python code that Nubis does not run: content types it would handle stay unhandled")),
                d.findings());
    }

    @Test
    void jsonPatchIsACloudConfigDocumentMarkedAsPatch() {
        ProcessedUserData d = process("#cloud-config-jsonp\n[{\"op\": \"add\", \"path\": \"/a\", \"value\": 1}]\n");
        assertEquals(1, d.cloudConfigs().size());
        assertTrue(d.cloudConfigs().get(0).jsonPatch());
        assertEquals("text/cloud-config-jsonp", d.cloudConfigs().get(0).contentType());
    }

    @Test
    void unknownContentIsAWarningWithAShortPreview() {
        ProcessedUserData d = process("just some text that is not user-data at all\nsecond line");
        assertTrue(d.isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (text/x-not-multipart)",
                "Unhandled non-multipart (text/x-not-multipart) userdata: 'just some text that is n...'")),
                d.findings());
    }

    @Test
    void emptyAndBlankUserDataGiveNothing() {
        for (String s : new String[] {"", "  \n\t\n"}) {
            ProcessedUserData d = process(s);
            assertTrue(d.parts().isEmpty());
            assertTrue(d.findings().isEmpty());
        }
        ProcessedUserData none = PROCESSOR.process(UserDataKind.VENDOR_DATA, null);
        assertTrue(none.parts().isEmpty());
        assertEquals(UserDataKind.VENDOR_DATA, none.kind());
    }

    @Test
    void gzippedUserDataIsDecompressed() {
        ProcessedUserData d = PROCESSOR.process(UserDataKind.USER_DATA, gzip(utf8("#!/bin/bash\nid\n")));
        assertEquals(1, d.scripts().size());
        assertEquals("#!/bin/bash\nid\n", text(d.scripts().get(0).content()));
    }

    @Test
    void truncatedGzipIsAnErrorNamingTheBlob() {
        byte[] gz = gzip(utf8("#cloud-config\n" + "a: b\n".repeat(1000)));
        ProcessedUserData d = PROCESSOR.process(UserDataKind.USER_DATA, Arrays.copyOf(gz, gz.length / 2));
        assertTrue(d.parts().isEmpty());
        assertEquals(1, d.findings().size());
        Finding f = d.findings().get(0);
        assertEquals(Finding.Severity.ERROR, f.severity());
        assertEquals("user-data", f.where());
        assertEquals("gzip-compressed data could not be decompressed: truncated gzip data", f.message());
        assertTrue(d.hasErrors());
    }

    @Test
    void corruptGzipIsAnError() {
        byte[] gz = gzip(utf8("#cloud-config\na: b\n"));
        gz[12] ^= 0x55;
        gz[13] ^= 0x55;
        ProcessedUserData d = PROCESSOR.process(UserDataKind.USER_DATA, gz);
        assertTrue(d.parts().isEmpty());
        assertTrue(d.findings().get(0).message().startsWith("gzip-compressed data could not be decompressed"),
                d.findings().toString());
    }

    @Test
    void invalidUtf8InCloudConfigLeavesThePartOutWithAnError() {
        byte[] raw = utf8("#cloud-config\nhostname: caf\u00e9\n");
        byte[] bad = Arrays.copyOf(raw, raw.length);
        bad[raw.length - 3] = (byte) 0xff;
        ProcessedUserData d = PROCESSOR.process(UserDataKind.USER_DATA, bad);
        assertEquals(List.of(), d.cloudConfigs());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data part 1 (text/cloud-config)",
                "not valid UTF-8: part ignored")), d.findings());
    }

    @Test
    void binaryScriptBytesAreKept() {
        byte[] script = new byte[] {'#', '!', '/', 'b', 'i', 'n', '/', 's', 'h', '\n', (byte) 0xff, 0, (byte) 0x80, '\n'};
        ProcessedUserData d = PROCESSOR.process(UserDataKind.USER_DATA, script);
        assertArrayEquals(script, d.scripts().get(0).content());
    }

    @Test
    void vendorDataLabelsNameVendorData() {
        ProcessedUserData d = PROCESSOR.process(UserDataKind.VENDOR_DATA2, utf8("#cloud-config\na: 1\n"));
        assertEquals("vendor-data2 part 1 (text/cloud-config)", d.cloudConfigs().get(0).label());
    }

    @Test
    void toStringNeverShowsContent() {
        ProcessedUserData d = process("#cloud-config\npassword: hunter2\n");
        assertFalse(d.toString().contains("hunter2"), d.toString());
    }
}
