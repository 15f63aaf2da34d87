package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.gzip;
import static io.nubis.runtime.internal.userdata.Fixtures.text;
import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class MimeUserDataTest {
    private static final UserDataProcessor PROCESSOR = new UserDataProcessor(null, null, null, null);

    static ProcessedUserData process(String s) {
        return PROCESSOR.process(UserDataKind.USER_DATA, utf8(s.replace("\n", "\r\n")));
    }

    static String multipart(String... parts) {
        StringBuilder b = new StringBuilder("Content-Type: multipart/mixed; boundary=\"XXX\"\nMIME-Version: 1.0\n\n");
        for (String p : parts) {
            b.append("--XXX\n").append(p).append("\n");
        }
        return b.append("--XXX--\n").toString();
    }

    @Test
    void partsKeepOrderNamesAndMergeTypes() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/cloud-config; charset=\"us-ascii\"\nMIME-Version: 1.0\n"
                        + "Content-Transfer-Encoding: 7bit\nContent-Disposition: attachment; filename=\"base.cfg\"\n"
                        + "Merge-Type: list(append)+dict(recurse_array)+str()\n\n#cloud-config\nruncmd: [a]",
                "Content-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"setup.sh\"\n\n"
                        + "#!/bin/sh\necho one",
                "Content-Type: text/cloud-config\nX-Merge-Type: dict(no_replace)\n\n#cloud-config\nruncmd: [b]",
                "Content-Type: text/x-shellscript-per-boot\nContent-Disposition: attachment; filename=\"every.sh\"\n\n"
                        + "#!/bin/sh\necho boot"));
        assertEquals(List.of(), d.findings());
        assertEquals(4, d.parts().size());
        assertEquals(List.of("base.cfg", "setup.sh", "part-003", "every.sh"),
                d.parts().stream().map(UserDataPart::filename).toList());
        assertEquals(2, d.cloudConfigs().size());
        CloudConfigDocument first = d.cloudConfigs().get(0);
        assertEquals("user-data part 1 (text/cloud-config)", first.label());
        assertEquals("#cloud-config\r\nruncmd: [a]", first.text());
        assertEquals("list(append)+dict(recurse_array)+str()", first.mergeType());
        assertEquals("dict(no_replace)", d.cloudConfigs().get(1).mergeType());
        assertEquals("user-data part 3 (text/cloud-config)", d.cloudConfigs().get(1).label());
        assertEquals(2, d.scripts().size());
        assertEquals("setup.sh", d.scripts().get(0).name());
        assertEquals("#!/bin/sh\necho one", text(d.scripts().get(0).content()));
        assertEquals(ScriptPart.Kind.PER_BOOT, d.scripts().get(1).kind());
        assertEquals("/var/lib/cloud/scripts/per-boot", d.scripts().get(1).directory(UserDataKind.USER_DATA));
        assertEquals("user-data > MIME part 2", d.parts().get(1).origin());
    }

    @Test
    void transferEncodingsAreUndone() {
        String b64 = Base64.getMimeEncoder().encodeToString(utf8("#!/bin/sh\necho base64\n"));
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\n" + b64,
                "Content-Type: text/cloud-config\nContent-Transfer-Encoding: quoted-printable\n\n"
                        + "#cloud-config\nhostname: caf=C3=A9=\nbar"));
        assertEquals("#!/bin/sh\necho base64\n", text(d.scripts().get(0).content()));
        assertEquals("#cloud-config\r\nhostname: caf\u00e9bar", d.cloudConfigs().get(0).text());
    }

    @Test
    void plainAndMislabelledPartsAreSniffed() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/plain\n\n#cloud-config\na: 1",
                "Content-Type: text/x-shellscript\n\n#cloud-config\nb: 2",
                "\n#!/bin/sh\necho no content type",
                "Content-Type: text/cloud-config\n\n#!/bin/sh\nnot sniffed: declared cloud-config wins"));
        assertEquals(List.of("text/cloud-config", "text/cloud-config", "text/x-shellscript", "text/cloud-config"),
                d.parts().stream().map(UserDataPart::contentType).toList());
        assertEquals(3, d.cloudConfigs().size());
        assertEquals(1, d.scripts().size());
    }

    @Test
    void gzipPartsAreDecompressedRetypedAndKeepTheirFileName() {
        String gz = Base64.getMimeEncoder().encodeToString(gzip(utf8("#!/bin/sh\necho gz\n")));
        ProcessedUserData d = process(multipart(
                "Content-Type: application/x-gzip\nContent-Transfer-Encoding: base64\n"
                        + "Content-Disposition: attachment; filename=\"zipped.sh\"\nLaunch-Index: 0\nOther: x\n\n" + gz));
        assertEquals(List.of(), d.findings());
        UserDataPart p = d.parts().get(0);
        assertEquals("text/x-shellscript", p.contentType());
        assertEquals("zipped.sh", p.filename());
        assertEquals(List.of(new Header("Launch-Index", "0")), p.headers());
        assertEquals("#!/bin/sh\necho gz\n", text(d.scripts().get(0).content()));
    }

    @Test
    void truncatedGzipPartIsAnErrorAndOtherPartsStay() {
        byte[] gz = gzip(utf8("#!/bin/sh\n" + "echo x\n".repeat(500)));
        String half = Base64.getMimeEncoder().encodeToString(java.util.Arrays.copyOf(gz, gz.length / 2));
        ProcessedUserData d = process(multipart(
                "Content-Type: application/gzip\nContent-Transfer-Encoding: base64\n\n" + half,
                "Content-Type: text/cloud-config\n\n#cloud-config\nok: true"));
        assertEquals(1, d.cloudConfigs().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > MIME part 1",
                "declared application/gzip but could not be decompressed: truncated gzip data; the part is ignored")),
                d.findings());
    }

    @Test
    void undecodableBase64IsAnErrorNamingThePart() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\nIyEvYmluL3No\nQ",
                "Content-Type: text/cloud-config\n\n#cloud-config\nok: true"));
        assertEquals(1, d.parts().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > MIME part 1",
                "content is not valid base64: the part is ignored")), d.findings());
    }

    @Test
    void base64WithoutPaddingOrWithJunkIsAccepted() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Transfer-Encoding: base64\n\nIyEvYmluL3NoCmVjaG8g*aGk"));
        assertEquals(List.of(), d.findings());
        assertEquals("#!/bin/sh\necho hi", text(d.scripts().get(0).content()));
    }

    @Test
    void boundaryThatNeverOccursIsAnError() {
        ProcessedUserData d = process("Content-Type: multipart/mixed; boundary=\"NOPE\"\nMIME-Version: 1.0\n\n"
                + "--XXX\nContent-Type: text/cloud-config\n\n#cloud-config\na: 1\n--XXX--\n");
        assertTrue(d.parts().isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data",
                "multipart message (multipart/mixed) has no parts: its boundary does not occur in the body")),
                d.findings());
    }

    @Test
    void multipartWithoutBoundaryIsAnError() {
        ProcessedUserData d = process("Content-Type: multipart/mixed\nMIME-Version: 1.0\n\n"
                + "--XXX\nContent-Type: text/cloud-config\n\n#cloud-config\na: 1\n--XXX--\n");
        assertTrue(d.parts().isEmpty());
        assertEquals(1, d.findings().size());
        assertEquals(Finding.Severity.ERROR, d.findings().get(0).severity());
        assertTrue(d.findings().get(0).message().contains("without a usable boundary"), d.findings().toString());
    }

    @Test
    void missingCloseDelimiterKeepsTheParts() {
        ProcessedUserData d = process("Content-Type: multipart/mixed; boundary=\"XXX\"\nMIME-Version: 1.0\n\n"
                + "--XXX\nContent-Type: text/cloud-config\n\n#cloud-config\na: 1\n"
                + "--XXX\nContent-Type: text/x-shellscript\n\n#!/bin/sh\necho cut");
        assertEquals(1, d.cloudConfigs().size());
        assertEquals(1, d.scripts().size());
        assertEquals("#!/bin/sh\r\necho cut", text(d.parts().get(1).payload()));
    }

    @Test
    void nestedMultipartIsWalkedDepthFirst() {
        String inner = "Content-Type: multipart/alternative; boundary=\"YYY\"\n\n"
                + "--YYY\nContent-Type: text/x-shellscript\n\n#!/bin/sh\necho inner\n--YYY--";
        ProcessedUserData d = process(multipart("Content-Type: text/cloud-config\n\n#cloud-config\na: 1", inner,
                "Content-Type: text/cloud-config\n\n#cloud-config\nb: 2"));
        assertEquals(List.of("text/cloud-config", "text/x-shellscript", "text/cloud-config"),
                d.parts().stream().map(UserDataPart::contentType).toList());
        assertEquals("user-data > MIME part 2 > MIME part 1", d.parts().get(1).origin());
    }

    @Test
    void singlePartMimeMessageIsOnePart() {
        ProcessedUserData d = process("MIME-Version: 1.0\nContent-Type: text/x-shellscript\n"
                + "Content-Disposition: attachment; filename=\"one.sh\"\n\n#!/bin/sh\necho one\n");
        assertEquals(1, d.scripts().size());
        assertEquals("one.sh", d.scripts().get(0).name());
    }

    @Test
    void rfc2231AndContentTypeNamesGiveFileNames() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Disposition: attachment; filename*=utf-8''na%C3%AFve.sh\n\n"
                        + "#!/bin/sh",
                "Content-Type: text/x-shellscript; name=\"by-name.sh\"\n\n#!/bin/sh"));
        assertEquals(List.of("na\u00efve.sh", "by-name.sh"), d.parts().stream().map(UserDataPart::filename).toList());
        assertEquals(List.of("nave.sh", "by-name.sh"), d.scripts().stream().map(ScriptPart::name).toList());
    }

    @Test
    void hostileFileNamesAreCleanedLikeTheReference() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"../../etc/cron.d/x y\"\n\n"
                        + "#!/bin/sh",
                "Content-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"..\"\n\n#!/bin/sh",
                "Content-Type: text/cloud-boothook\nContent-Disposition: attachment; filename=\"$(reboot)\"\n\n"
                        + "#cloud-boothook\n#!/bin/sh"));
        assertEquals(List.of(".._.._etc_cron.d_xy", "part-002"), d.scripts().stream().map(ScriptPart::name).toList());
        assertEquals("(reboot)", d.boothooks().get(0).name());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 2 (text/x-shellscript)",
                "file name '..' is not usable: written as part-002")), d.findings());
    }

    @Test
    void sameScriptNameTwiceIsAWarning() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"a.sh\"\n\n#!/bin/sh\n1",
                "Content-Type: text/x-shellscript\nContent-Disposition: attachment; filename=\"a.sh\"\n\n#!/bin/sh\n2"));
        assertEquals(2, d.scripts().size());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 2 (text/x-shellscript)",
                "file name a.sh is also used by user-data part 1 (text/x-shellscript): this part's file replaces it,"
                        + " as in the reference")), d.findings());
    }

    @Test
    void unknownTypesAndArchivesInsideMime() {
        ProcessedUserData d = process(multipart(
                "Content-Type: application/json\n\n{\"a\": 1}",
                "Content-Type: text/cloud-config-archive\n\n- '#!/bin/sh\n\n  echo from archive'"));
        assertEquals(List.of("application/json", "text/x-shellscript"),
                d.parts().stream().map(UserDataPart::contentType).toList());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data part 1 (application/json)",
                "Unhandled unknown content-type (application/json) userdata: '{\"a\": 1}...'")), d.findings());
    }

    @Test
    void unknownTransferEncodingIsAWarning() {
        ProcessedUserData d = process(multipart(
                "Content-Type: text/x-shellscript\nContent-Transfer-Encoding: x-uuencode\n\n#!/bin/sh"));
        assertEquals(1, d.scripts().size());
        assertEquals(List.of(new Finding(Finding.Severity.WARNING, "user-data > MIME part 1",
                "unknown Content-Transfer-Encoding 'x-uuencode': content used as it is")), d.findings());
    }
}
