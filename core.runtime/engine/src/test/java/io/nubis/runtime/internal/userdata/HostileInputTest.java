package io.nubis.runtime.internal.userdata;

import static io.nubis.runtime.internal.userdata.Fixtures.gzip;
import static io.nubis.runtime.internal.userdata.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class HostileInputTest {
    private static final UserDataLimits SMALL = new UserDataLimits(3, 5, 64 * 1024, 100, 4 * 1024, 8 * 1024,
            20 * 1024, 6, 3);

    private static ProcessedUserData process(byte[] raw) {
        return new UserDataProcessor(null, null, null, SMALL).process(UserDataKind.USER_DATA, raw);
    }

    @Test
    void gzipBombBySizeIsStopped() {
        byte[] bomb = gzip(new byte[50 * 1024]);
        ProcessedUserData d = process(bomb);
        assertTrue(d.parts().isEmpty());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data",
                "gzip-compressed data could not be decompressed: decompresses more than 100 times its size of "
                        + bomb.length + " bytes (decompression bomb?)")), d.findings());
    }

    @Test
    void defaultLimitsStopA64MiBBomb() {
        byte[] zeros = new byte[1 << 20];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            for (int i = 0; i < 64; i++) {
                gz.write(zeros);
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        ProcessedUserData d = new UserDataProcessor(null, null, null, null).process(UserDataKind.USER_DATA,
                out.toByteArray());
        assertTrue(d.parts().isEmpty());
        assertTrue(d.findings().get(0).message().contains("(decompression bomb?)"), d.findings().toString());
    }

    @Test
    void gzipBombByAbsoluteSizeIsStopped() {
        UserDataLimits lenientRatio = new UserDataLimits(3, 5, 64 * 1024, 100_000, 0, 8 * 1024, 20 * 1024, 6, 3);
        ProcessedUserData d = new UserDataProcessor(null, null, null, lenientRatio).process(UserDataKind.USER_DATA,
                gzip(new byte[1 << 20]));
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data",
                "gzip-compressed data could not be decompressed: decompressed size exceeds the limit of 65536 bytes"
                        + " (decompression bomb?)")), d.findings());
    }

    @Test
    void hugePartIsDroppedAndTheOthersKept() {
        String big = "#!/bin/sh\n" + "#".repeat(9000);
        String ud = "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
                + "--B\nContent-Type: text/x-shellscript\n\n" + big + "\n"
                + "--B\nContent-Type: text/cloud-config\n\n#cloud-config\nok: 1\n--B--\n";
        ProcessedUserData d = process(utf8(ud));
        assertEquals(1, d.parts().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > MIME part 1",
                "text/x-shellscript part of 9010 bytes is larger than 8192 bytes: ignored")), d.findings());
    }

    @Test
    void blobFarLargerThanTheTotalIsRefusedWhole() {
        ProcessedUserData d = process(utf8("#!/bin/sh\n" + "#".repeat(50 * 1024)));
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data",
                "larger than 40960 bytes: ignored")), d.findings());
    }

    @Test
    void totalSizeIsBounded() {
        StringBuilder ud = new StringBuilder("Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n");
        for (int i = 0; i < 4; i++) {
            ud.append("--B\nContent-Type: text/x-shellscript\n\n#!/bin/sh\n").append("#".repeat(6000)).append('\n');
        }
        ud.append("--B--\n");
        ProcessedUserData d = process(utf8(ud.toString()));
        assertEquals(3, d.parts().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > MIME part 4",
                "parts exceed 20480 bytes in all: this part is ignored")), d.findings());
    }

    @Test
    void partCountIsBounded() {
        StringBuilder ud = new StringBuilder("Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n");
        for (int i = 0; i < 10; i++) {
            ud.append("--B\nContent-Type: text/cloud-config\n\n#cloud-config\nn: ").append(i).append('\n');
        }
        ud.append("--B--\n");
        ProcessedUserData d = process(utf8(ud.toString()));
        assertEquals(6, d.parts().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > MIME part 7",
                "more than 6 MIME parts: this and later parts are ignored")), d.findings());
    }

    @Test
    void archivePartCountIsBounded() {
        StringBuilder ud = new StringBuilder("#cloud-config-archive\n");
        for (int i = 0; i < 10; i++) {
            ud.append("- 'n: ").append(i).append("'\n");
        }
        ProcessedUserData d = process(utf8(ud.toString()));
        assertEquals(6, d.parts().size());
        assertEquals(List.of(new Finding(Finding.Severity.ERROR, "user-data > archive entry 7",
                "more than 6 parts: this and later parts are ignored")), d.findings());
    }

    @Test
    void deepMultipartNestingIsBounded() {
        String leaf = "Content-Type: text/cloud-config\n\n#cloud-config\ndeep: 1\n";
        String msg = leaf;
        for (int i = 5; i >= 1; i--) {
            msg = "Content-Type: multipart/mixed; boundary=\"B" + i + "\"\n\n--B" + i + "\n" + msg + "--B" + i + "--\n";
        }
        ProcessedUserData d = process(utf8("MIME-Version: 1.0\n" + msg));
        assertTrue(d.parts().isEmpty());
        assertEquals(1, d.findings().size());
        assertTrue(d.findings().get(0).message().startsWith("multipart messages nested deeper than 3 levels"),
                d.findings().toString());
    }

    @Test
    void gzipPartBombInsideMimeIsStopped() {
        String b64 = Base64.getMimeEncoder().encodeToString(gzip(new byte[1 << 20]));
        String ud = "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
                + "--B\nContent-Type: application/x-gzip\nContent-Transfer-Encoding: base64\n\n" + b64 + "\n"
                + "--B\nContent-Type: text/cloud-config\n\n#cloud-config\nok: 1\n--B--\n";
        ProcessedUserData d = process(utf8(ud));
        assertEquals(1, d.parts().size());
        assertEquals(Finding.Severity.ERROR, d.findings().get(0).severity());
        assertTrue(d.findings().get(0).message().contains("(decompression bomb?)"), d.findings().toString());
    }

    @Test
    void manyHeadersOrAHugeHeaderDoNotBreakProcessing() {
        String ud = "Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n"
                + "--B\nContent-Type: text/cloud-config\nX-Big: " + "a".repeat(300 * 1024)
                + "\n\n#cloud-config\nok: 1\n--B--\n";
        ProcessedUserData d = new UserDataProcessor(null, null, null, null).process(UserDataKind.USER_DATA, utf8(ud));
        assertTrue(d.parts().isEmpty());
        assertEquals(1, d.findings().size());
        assertTrue(d.findings().get(0).message().startsWith("malformed MIME message: "), d.findings().toString());
    }

    @Test
    void limitsMustBePositive() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new UserDataLimits(0, 1, 1, 1, 1, 1, 1, 1, 1));
    }
}
